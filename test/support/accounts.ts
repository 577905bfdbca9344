import { randomUUID } from 'node:crypto';
import { CLI_REQUEST, CreateAdminHandler } from '@fluentpro/administration';
import { signUpBody, STRONG_PASSWORD } from './factories';
import type { TestApp } from './test-app';

export interface TestUser {
  id: string;
  email: string;
  accessToken: string;
  refreshToken: string;
  sessionId: string;
}

/** The session of a token: its `sid` claim (self-hosted), else the `current` one of its session list (Auth0). */
async function sessionIdOf(t: TestApp, accessToken: string): Promise<string> {
  const claims = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url').toString()) as {
    sid?: string;
  };
  if (claims.sid) return claims.sid;
  const listed = await t.request({ method: 'GET', url: '/api/v1/auth/sessions/', token: accessToken });
  return (listed.body.sessions as { id: string; current: boolean }[]).find((session) => session.current)!.id;
}

async function toUser(
  t: TestApp,
  id: string,
  email: string,
  body: { access_token: string; refresh_token: string },
): Promise<TestUser> {
  return {
    id,
    email,
    accessToken: body.access_token,
    refreshToken: body.refresh_token,
    sessionId: await sessionIdOf(t, body.access_token),
  };
}

/** A new user with a first session (sign-up). */
export async function signUpUser(t: TestApp, overrides: Record<string, unknown> = {}): Promise<TestUser> {
  const body = signUpBody(overrides);
  const response = await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body });
  if (response.status !== 201) throw new Error(`sign-up failed: ${JSON.stringify(response.body)}`);
  return toUser(t, response.body.user.id, String(body.email), response.body);
}

/** Another session of an existing user (log-in), with an optional user agent. */
export async function logIn(
  t: TestApp,
  email: string,
  options: { password?: string; userAgent?: string } = {},
): Promise<TestUser> {
  const response = await t.request({
    method: 'POST',
    url: '/api/v1/auth/login/',
    body: { email, password: options.password ?? STRONG_PASSWORD },
    headers: options.userAgent ? { 'user-agent': options.userAgent } : {},
  });
  if (response.status !== 200) throw new Error(`login failed: ${JSON.stringify(response.body)}`);
  return toUser(t, response.body.user.id, email, response.body);
}

/** An admin created the way the CLI does it, logged in. */
export async function createAdmin(t: TestApp): Promise<TestUser> {
  const email = `admin-${randomUUID()}@example.com`;
  await t.app.get(CreateAdminHandler).execute(CLI_REQUEST, {
    email,
    fullName: 'Ada Admin',
    dateOfBirth: '1985-05-05',
    password: STRONG_PASSWORD,
  });
  return logIn(t, email);
}

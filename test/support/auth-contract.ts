import { decode } from 'jsonwebtoken';
import { signUpBody, STRONG_PASSWORD } from './factories';
import type { TestApp } from './test-app';

/** How one identity mode is started and what its tokens look like; the contract is the same. */
export interface IdentityMode {
  name: string;
  /** Starts the API (and whatever the mode needs) with these extra settings. */
  start(env: Record<string, string>): Promise<{ app: TestApp; stop(): Promise<void> }>;
  auth0Configured: boolean;
  issuer: string;
  audience: string;
  /** The `sub` of this user's access tokens: the user id, or the identity provider's subject. */
  subjectOf(user: { id: string; email: string }): string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Short, so the reuse rule can be seen on both sides of it; wide enough for a loaded machine. */
export const REUSE_INTERVAL_SECONDS = 2;

/**
 * The authentication part of API.md, end to end through the real app. Run once per identity mode:
 * client apps must not be able to tell which one serves them.
 */
export function describeAuthContract(mode: IdentityMode): void {
  describe(`API.md authentication contract (${mode.name})`, () => {
    let t: TestApp;
    let stop: () => Promise<void>;

    beforeAll(async () => {
      ({ app: t, stop } = await mode.start({
        REFRESH_TOKEN_REUSE_INTERVAL_SECONDS: String(REUSE_INTERVAL_SECONDS),
        LOGIN_MAX_FAILURES: '3',
      }));
    });

    afterAll(async () => {
      await stop?.();
    });

    const post = (path: string, body: unknown, token?: string) =>
      t.request({ method: 'POST', url: `/api/v1/auth/${path}`, body, token });
    const profile = (token?: string) => t.request({ method: 'GET', url: '/api/v1/auth/profile/', token });

    async function signedUp(overrides: Record<string, unknown> = {}) {
      const body = signUpBody(overrides);
      const response = await post('signup/', body);
      expect(response.status).toBe(201);
      return { body, response: response.body };
    }

    describe('POST signup/', () => {
      it('answers 201 with the token pair and the user', async () => {
        const body = signUpBody({ email: `John.Doe.${Date.now()}@Example.com` });
        const response = await post('signup/', body);
        expect(response.status).toBe(201);
        expect(Object.keys(response.body).sort()).toEqual(
          ['access_token', 'expires_in', 'refresh_token', 'token_type', 'user'].sort(),
        );
        expect(response.body).toMatchObject({
          access_token: expect.any(String),
          refresh_token: expect.any(String),
          token_type: 'Bearer',
          expires_in: 3600,
          user: {
            id: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
            full_name: 'John Doe',
            email: (body.email as string).toLowerCase(),
            date_of_birth: '1990-01-15',
          },
        });
        expect(Object.keys(response.body.user).sort()).toEqual(['date_of_birth', 'email', 'full_name', 'id']);
      });

      it('answers the same without the trailing slash', async () => {
        expect((await post('signup', signUpBody())).status).toBe(201);
      });

      it('accepts letters of any alphabet in full_name', async () => {
        const { response } = await signedUp({ full_name: '李小龍 Zoë Ångström' });
        expect(response.user.full_name).toBe('李小龍 Zoë Ångström');
      });

      it('answers 400 naming every offending field at once', async () => {
        const response = await post('signup/', {
          full_name: 'J0hn',
          email: 'not-an-email',
          password: 'weak',
          date_of_birth: '2999-01-01',
        });
        expect(response.status).toBe(400);
        expect(response.body.error).toBe('Validation failed');
        expect(Object.keys(response.body.details).sort()).toEqual([
          'date_of_birth',
          'email',
          'full_name',
          'password',
        ]);
        expect(response.body.details.password).toEqual(
          expect.arrayContaining([
            'Password must contain at least one uppercase letter',
            'Password must contain at least one digit',
            'Password must contain at least one special character',
          ]),
        );
        for (const messages of Object.values(response.body.details))
          expect(messages).toEqual(expect.arrayContaining([expect.any(String)]));
      });

      it('answers 400 for missing fields and for a user younger than 13', async () => {
        const missing = await post('signup/', {});
        expect(missing.status).toBe(400);
        expect(Object.keys(missing.body.details).sort()).toEqual([
          'date_of_birth',
          'email',
          'full_name',
          'password',
        ]);
        const young = new Date();
        young.setUTCFullYear(young.getUTCFullYear() - 12);
        const child = await post('signup/', signUpBody({ date_of_birth: young.toISOString().slice(0, 10) }));
        expect(child.status).toBe(400);
        expect(Object.keys(child.body.details)).toEqual(['date_of_birth']);
      });

      it('answers 409 for an email already registered, in any letter case', async () => {
        const { body } = await signedUp();
        const again = await post('signup/', signUpBody({ email: (body.email as string).toUpperCase() }));
        expect(again.status).toBe(409);
        expect(again.body).toMatchObject({
          error: 'User already exists',
          message: 'A user with this email already exists',
        });
      });
    });

    describe('POST login/', () => {
      it('answers 200 with the token pair and the user', async () => {
        const { body, response: created } = await signedUp();
        const response = await post('login/', {
          email: (body.email as string).toUpperCase(),
          password: body.password,
        });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, user: created.user });
      });

      it('answers 401 with the same body for a wrong password and an unknown email', async () => {
        const { body } = await signedUp();
        for (const attempt of [
          { email: body.email, password: 'Wr0ng!Password' },
          { email: `nobody-${Date.now()}@example.com`, password: STRONG_PASSWORD },
        ]) {
          const response = await post('login/', attempt);
          expect(response.status).toBe(401);
          expect(response.body).toMatchObject({
            error: 'Invalid credentials',
            message: 'Email or password is incorrect',
          });
        }
      });

      it('answers 400 for a malformed email or a missing password', async () => {
        const response = await post('login/', { email: 'nope' });
        expect(response.status).toBe(400);
        expect(Object.keys(response.body.details).sort()).toEqual(['email', 'password']);
      });

      it('answers 429 with Retry-After after too many failed attempts', async () => {
        const { body } = await signedUp();
        for (let attempt = 0; attempt < 3; attempt += 1)
          await post('login/', { email: body.email, password: 'Wr0ng!Password' });
        const locked = await post('login/', { email: body.email, password: body.password });
        expect(locked.status).toBe(429);
        expect(locked.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
        expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
      });
    });

    describe('tokens', () => {
      it('issues an RS256 access token with iss, aud, sub, iat and exp, valid for expires_in seconds', async () => {
        const { response } = await signedUp();
        const token = decode(response.access_token, { complete: true, json: true })!;
        expect(token.header.alg).toBe('RS256');
        const claims = token.payload as Record<string, unknown>;
        expect(claims.iss).toBe(mode.issuer);
        expect([claims.aud].flat()).toContain(mode.audience);
        expect(claims.sub).toBe(mode.subjectOf(response.user));
        expect((claims.exp as number) - (claims.iat as number)).toBe(response.expires_in);
      });
    });

    describe('POST refresh/', () => {
      it('answers 200 with a rotated token pair and no user', async () => {
        const { response: created } = await signedUp();
        const response = await post('refresh/', { refresh_token: created.refresh_token });
        expect(response.status).toBe(200);
        expect(Object.keys(response.body).sort()).toEqual(
          ['access_token', 'expires_in', 'refresh_token', 'token_type'].sort(),
        );
        expect(response.body.refresh_token).not.toBe(created.refresh_token);
        expect((await profile(response.body.access_token)).status).toBe(200);
      });

      it('returns a pair within the reuse interval and revokes the session on a later reuse', async () => {
        const { response: created } = await signedUp();
        const next = (await post('refresh/', { refresh_token: created.refresh_token })).body;
        expect((await post('refresh/', { refresh_token: created.refresh_token })).status).toBe(200);
        await sleep(REUSE_INTERVAL_SECONDS * 1000 + 200);
        expect((await post('refresh/', { refresh_token: created.refresh_token })).status).toBe(401);
        expect((await post('refresh/', { refresh_token: next.refresh_token })).status).toBe(401);
        expect((await profile(next.access_token)).status).toBe(401);
      });

      it('answers 401 for an unknown refresh token and 400 without one', async () => {
        const unknown = await post('refresh/', { refresh_token: 'garbage' });
        expect(unknown.status).toBe(401);
        expect(unknown.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
        expect((await post('refresh/', {})).status).toBe(400);
      });
    });

    describe('POST logout/', () => {
      it('ends the session: its refresh token and access token stop working at once', async () => {
        const { response: created } = await signedUp();
        const response = await post(
          'logout/',
          { refresh_token: created.refresh_token },
          created.access_token,
        );
        expect(response.status).toBe(200);
        expect(response.body).toEqual({ message: 'Successfully logged out' });
        expect((await profile(created.access_token)).status).toBe(401);
        expect((await post('refresh/', { refresh_token: created.refresh_token })).status).toBe(401);
      });

      it("leaves the user's other sessions working", async () => {
        const { body, response: first } = await signedUp();
        const other = (await post('login/', { email: body.email, password: body.password })).body;
        await post('logout/', { refresh_token: first.refresh_token }, first.access_token);
        expect((await profile(other.access_token)).status).toBe(200);
        expect((await post('refresh/', { refresh_token: other.refresh_token })).status).toBe(200);
      });

      it('requires a Bearer token', async () => {
        const { response: created } = await signedUp();
        const response = await post('logout/', { refresh_token: created.refresh_token });
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      });
    });

    describe('GET profile/', () => {
      it('answers 200 with the profile', async () => {
        const { response: created } = await signedUp();
        const response = await profile(created.access_token);
        expect(response.status).toBe(200);
        expect(Object.keys(response.body).sort()).toEqual(
          ['created_at', 'date_of_birth', 'email', 'full_name', 'id', 'updated_at'].sort(),
        );
        expect(response.body).toMatchObject({ ...created.user });
        expect(new Date(response.body.created_at).toISOString()).toBe(response.body.created_at);
      });

      it('answers 401 without a token, with a malformed one and with a tampered one', async () => {
        const { response: created } = await signedUp();
        const [header, payload, signature] = (created.access_token as string).split('.');
        const tampered = `${header}.${payload}.${signature.slice(0, -4)}AAAA`;
        for (const token of [undefined, 'not-a-jwt', tampered]) {
          const response = await profile(token);
          expect(response.status).toBe(401);
          expect(response.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
          expect(response.body.request_id).toEqual(expect.any(String));
        }
      });
    });

    describe('GET health/ and the common errors', () => {
      it('answers 200 with the health body', async () => {
        const response = await t.request({ method: 'GET', url: '/api/v1/auth/health/' });
        expect(response.status).toBe(200);
        expect(response.body).toMatchObject({
          status: 'healthy',
          service: 'fluentpro-backend',
          version: '1.0.0',
          environment: 'test',
          auth0_configured: mode.auth0Configured,
          supabase_configured: expect.any(Boolean),
        });
      });

      it('answers 404 for an unknown route and 413 for an oversized body, as {error, message}', async () => {
        const missing = await t.request({ method: 'GET', url: '/api/v1/auth/nowhere/' });
        expect(missing.status).toBe(404);
        expect(missing.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
        const huge = await post('login/', { email: 'a@example.com', password: 'x'.repeat(2 * 1024 * 1024) });
        expect(huge.status).toBe(413);
        expect(huge.body).toMatchObject({ error: expect.any(String), message: expect.any(String) });
      });
    });
  });
}

import { existsSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign } from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import { OutboxMessageRecord } from '@fluentpro/shared';
import { SessionRepository } from '../../libs/authentication/src/application/ports/session.repository';
import { FakeAuth0, newKey } from '../support/fake-auth0';
import { signUpBody, STRONG_PASSWORD } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const UNAVAILABLE = {
  error: 'Service unavailable',
  message: expect.stringMatching(/identity provider \(Auth0\)/),
};
const INVALID_CREDENTIALS = { error: 'Invalid credentials', message: 'Email or password is incorrect' };
const USER_EXISTS = { error: 'User already exists', message: 'A user with this email already exists' };

/** A port nothing listens on: connections are refused. */
async function deadPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const REUSE_INTERVAL_SECONDS = 2;

async function rowCounts(t: TestApp): Promise<Record<string, number>> {
  const dataSource = t.app.get(DataSource);
  const counts: Record<string, number> = {};
  for (const table of ['users', 'sessions', 'auth0_session_tokens', 'outbox_messages']) {
    const [row] = await dataSource.query<{ n: string | number }[]>(`SELECT COUNT(*) AS n FROM ${table}`);
    counts[table] = Number(row.n);
  }
  return counts;
}

/** The payloads of the integration events of `type` in the outbox. */
async function eventsOf(t: TestApp, type: string): Promise<Record<string, unknown>[]> {
  const rows = await t.app.get(DataSource).getRepository(OutboxMessageRecord).findBy({ eventType: type });
  return rows.map((row) => row.payload as Record<string, unknown>);
}

async function externalIdOf(t: TestApp, email: string): Promise<string | undefined> {
  const row = await t.app
    .get(DataSource)
    .createQueryBuilder()
    .select('u.external_id', 'external_id')
    .from('users', 'u')
    .where('u.email = :email', { email })
    .getRawOne<{ external_id: string }>();
  return row?.external_id;
}

describe('Auth0 identity provider (IDENTITY_PROVIDER=auth0, against a local fake tenant)', () => {
  let auth0: FakeAuth0;
  let t: TestApp;

  beforeAll(async () => {
    auth0 = await FakeAuth0.start({ reuseIntervalSeconds: REUSE_INTERVAL_SECONDS });
    t = await createTestApp(
      auth0.env({ REFRESH_TOKEN_REUSE_INTERVAL_SECONDS: String(REUSE_INTERVAL_SECONDS) }),
    );
  });

  afterAll(async () => {
    await t?.close();
    await auth0?.close();
  });

  afterEach(() => {
    jest.restoreAllMocks();
    auth0.delays.clear();
    auth0.forced.clear();
    auth0.down = false;
    auth0.options.tokenProfile = 'auth0';
    auth0.options.rotation = true;
    auth0.options.issuedAt = null;
    auth0.options.tokenClaims = {};
    auth0.options.signWith = null;
  });

  const post = (path: string, body: unknown, token?: string) =>
    t.request({ method: 'POST', url: `/api/v1/auth/${path}/`, body, token });
  const profile = (token: string) => t.request({ method: 'GET', url: '/api/v1/auth/profile/', token });

  async function registered(overrides: Record<string, unknown> = {}) {
    const body = signUpBody(overrides);
    const response = await post('signup', body);
    expect(response.status).toBe(201);
    return { email: body.email as string, password: body.password as string, tokens: response.body };
  }

  async function logIn(email: string, password: string) {
    const response = await post('login', { email, password });
    expect(response.status).toBe(200);
    return response.body as { access_token: string; refresh_token: string };
  }

  describe('boot and operations', () => {
    it('creates no self-hosted signing key and serves no JWKS of its own', async () => {
      expect(existsSync(t.database.env.JWT_KEYS_DIR)).toBe(false);
      const jwks = await t.request({ method: 'GET', url: '/.well-known/jwks.json' });
      expect(jwks.status).toBe(404);
      expect(jwks.body).toMatchObject({ error: 'Not found', message: expect.any(String) });
    });

    it('reports auth0_configured in the auth health body', async () => {
      const health = await t.request({ method: 'GET', url: '/api/v1/auth/health/' });
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({
        status: 'healthy',
        auth0_configured: true,
        identity_provider: 'auth0',
      });
    });

    it('includes Auth0 in readiness', async () => {
      const ready = await t.request({ method: 'GET', url: '/health/ready' });
      expect(ready.status).toBe(200);
      expect(ready.body.details.auth0).toMatchObject({ status: 'up', domain: auth0.domain });
    });
  });

  describe('sign-up', () => {
    it('creates the user in the connection, then the local account linked by the Auth0 sub', async () => {
      const before = auth0.calls.length;
      const { email, tokens } = await registered({ full_name: 'Zoë Ångström' });
      const atAuth0 = auth0.usersByEmail.get(email)!;
      expect(atAuth0).toMatchObject({ name: 'Zoë Ångström' });
      expect(await externalIdOf(t, email)).toBe(atAuth0.user_id);
      expect(auth0.calls.slice(before).map((call) => call.grantType ?? call.path)).toEqual([
        '/dbconnections/signup',
        'http://auth0.com/oauth/grant-type/password-realm',
      ]);
      expect(tokens).toMatchObject({
        token_type: 'Bearer',
        expires_in: 3600,
        user: { email, full_name: 'Zoë Ångström' },
      });
      expect(tokens.user.id).toMatch(/^[0-9a-f-]{36}$/);
      expect((await profile(tokens.access_token)).body).toMatchObject({ id: tokens.user.id, email });
      // The same event as a self-hosted sign-up (welcome email, onboarding profile), in its transaction.
      expect(await eventsOf(t, 'authentication.user-registered.v1')).toContainEqual(
        expect.objectContaining({ userId: tokens.user.id, email, fullName: 'Zoë Ångström' }),
      );
    });

    it('answers 409 for an email the local store has, in any letter case, without asking Auth0', async () => {
      const { email } = await registered();
      const before = auth0.calls.length;
      const again = await post('signup', signUpBody({ email: email.toUpperCase() }));
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject(USER_EXISTS);
      expect(auth0.calls.length).toBe(before);
    });

    it('answers 409 for an email Auth0 has under another password, and writes nothing', async () => {
      const body = signUpBody();
      const existing = auth0.addUser(body.email as string, 'An0ther#Secret');
      const before = await rowCounts(t);
      const response = await post('signup', body);
      expect(response.status).toBe(409);
      expect(response.body).toMatchObject(USER_EXISTS);
      expect(await rowCounts(t)).toEqual(before);
      expect(auth0.userById(existing.user_id)).toBeDefined();
      expect(auth0.deletedUserIds).not.toContain(existing.user_id);
    });

    it('links an Auth0 user left without a local account when the sign-up proves its password', async () => {
      const body = signUpBody();
      const orphan = auth0.addUser(body.email as string, STRONG_PASSWORD);
      const response = await post('signup', body);
      expect(response.status).toBe(201);
      expect(await externalIdOf(t, body.email as string)).toBe(orphan.user_id);
      expect(auth0.deletedUserIds).not.toContain(orphan.user_id);
    });

    it("maps a password Auth0's policy refuses to the contract's 400, with nothing created", async () => {
      const body = signUpBody({ password: 'MyPassword#2024' });
      const before = await rowCounts(t);
      const response = await post('signup', body);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({
        error: 'Validation failed',
        details: { password: [expect.stringContaining('Password is too common')] },
      });
      expect(auth0.usersByEmail.has(body.email as string)).toBe(false);
      expect(await rowCounts(t)).toEqual(before);
    });

    it('validates the body before Auth0 is asked', async () => {
      const before = auth0.calls.length;
      const response = await post('signup', signUpBody({ password: 'short', email: 'nope' }));
      expect(response.status).toBe(400);
      expect(Object.keys(response.body.details).sort()).toEqual(['email', 'password']);
      expect(auth0.calls.length).toBe(before);
    });
  });

  describe('log-in', () => {
    it('returns Auth0 tokens and the local user, and starts a local session', async () => {
      const { email, password, tokens: signedUp } = await registered();
      const sessionsBefore = (await rowCounts(t)).sessions;
      const response = await post('login', { email: email.toUpperCase(), password });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ token_type: 'Bearer', expires_in: 3600, user: signedUp.user });
      expect((await rowCounts(t)).sessions).toBe(sessionsBefore + 1);
      expect((await profile(response.body.access_token)).status).toBe(200);
      expect(await eventsOf(t, 'authentication.user-logged-in.v1')).toContainEqual(
        expect.objectContaining({ userId: signedUp.user.id }),
      );
    });

    it("maps Auth0's wrong-credentials answer to 401, for a wrong password and an unknown email alike", async () => {
      const { email } = await registered();
      for (const body of [
        { email, password: 'Wr0ng#Password' },
        { email: 'nobody@example.com', password: STRONG_PASSWORD },
      ]) {
        const response = await post('login', body);
        expect(response.status).toBe(401);
        expect(response.body).toMatchObject(INVALID_CREDENTIALS);
      }
    });

    it("maps Auth0's blocked-user answer to 429 with Retry-After", async () => {
      const { email, password } = await registered();
      auth0.usersByEmail.get(email)!.blocked = true;
      const response = await post('login', { email, password });
      expect(response.status).toBe(429);
      expect(response.body).toMatchObject({
        error: 'Too many requests',
        message: expect.stringMatching(/blocked/),
      });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    });

    it("maps Auth0's brute-force protection (too_many_attempts) to 429 with Retry-After", async () => {
      const { email, password } = await registered();
      auth0.usersByEmail.get(email)!.failedLogins = auth0.options.bruteForceLimit;
      const response = await post('login', { email, password });
      expect(response.status).toBe(429);
      expect(response.body).toMatchObject({ error: 'Too many requests', message: expect.any(String) });
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    });

    it('refuses an Auth0 user that has no FluentPro account, and revokes what Auth0 issued', async () => {
      const stranger = auth0.addUser(`stranger-${Date.now()}@example.com`, STRONG_PASSWORD);
      const revokedBefore = auth0.revokedRefreshTokens.length;
      const response = await post('login', { email: stranger.email, password: STRONG_PASSWORD });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject(INVALID_CREDENTIALS);
      expect(auth0.revokedRefreshTokens.length).toBe(revokedBefore + 1);
    });
  });

  describe('access-token verification', () => {
    let email: string;
    let password: string;
    let sub: string;

    beforeAll(async () => {
      ({ email, password } = await registered());
      sub = auth0.usersByEmail.get(email)!.user_id;
    });

    it('accepts the RS256 token Auth0 issued through FluentPro', async () => {
      const tokens = await logIn(email, password);
      const [header] = tokens.access_token.split('.');
      expect(JSON.parse(Buffer.from(header, 'base64url').toString())).toMatchObject({ alg: 'RS256' });
      expect((await profile(tokens.access_token)).status).toBe(200);
    });

    it('refuses a valid Auth0 token that was not obtained through FluentPro (no local session)', async () => {
      const response = await profile(auth0.accessToken(sub, { jti: 'minted-elsewhere' }));
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: 'Invalid token' });
    });

    // Tokens issued through FluentPro's log-in (so they have a session): only the check can refuse them.
    it.each([
      ['another audience (a misconfigured API)', { aud: 'https://other-api.test' }],
      ['another issuer', { iss: 'https://evil.example.com/' }],
      ['an already expired token', { iat: 1_600_000_000, exp: 1_600_003_600 }],
    ])('refuses a token Auth0 issued with %s', async (_case, claims) => {
      auth0.options.tokenClaims = claims;
      const tokens = await logIn(email, password);
      expect((await profile(tokens.access_token)).status).toBe(401);
    });

    it('refuses a token signed by a key outside the JWKS, after fetching the JWKS again once', async () => {
      auth0.options.signWith = newKey();
      const tokens = await logIn(email, password);
      const before = auth0.callsTo('/.well-known/jwks.json').length;
      expect((await profile(tokens.access_token)).status).toBe(401);
      expect(auth0.callsTo('/.well-known/jwks.json').length).toBe(before + 1);
    });

    it('refuses other algorithms', async () => {
      const hs256 = sign({ sub, aud: auth0.audience, iss: `https://${auth0.domain}/` }, 'secret', {
        algorithm: 'HS256',
        expiresIn: 600,
      });
      expect((await profile(hs256)).status).toBe(401);
    });

    it("follows a rotation of Auth0's signing key: the new kid is fetched once, then cached", async () => {
      auth0.rotateSigningKey(true);
      const tokens = await logIn(email, password);
      const before = auth0.callsTo('/.well-known/jwks.json').length;
      expect((await profile(tokens.access_token)).status).toBe(200);
      expect((await profile(tokens.access_token)).status).toBe(200);
      expect(auth0.callsTo('/.well-known/jwks.json').length).toBe(before + 1);
    });
  });

  describe('refresh', () => {
    it('honours the predecessor within the reuse interval; after it, reuse ends the whole session', async () => {
      const { email, password } = await registered();
      const first = await logIn(email, password);
      const second = (await post('refresh', { refresh_token: first.refresh_token })).body;
      // A racing tab still holding the first token, within the interval.
      const racing = await post('refresh', { refresh_token: first.refresh_token });
      expect(racing.status).toBe(200);
      await sleep(REUSE_INTERVAL_SECONDS * 1000 + 200);
      const reused = await post('refresh', { refresh_token: first.refresh_token });
      expect(reused.status).toBe(401);
      expect((await post('refresh', { refresh_token: second.refresh_token })).status).toBe(401);
      expect((await profile(second.access_token)).status).toBe(401);
    });

    it('refuses a refresh token FluentPro never issued without asking Auth0', async () => {
      const before = auth0.calls.length;
      const response = await post('refresh', { refresh_token: 'not-a-token-we-issued' });
      expect(response.status).toBe(401);
      expect(response.body).toMatchObject({ error: 'Invalid token' });
      expect(auth0.calls.length).toBe(before);
    });

    it('ends the local session when Auth0 no longer honours the refresh token', async () => {
      const { email, password } = await registered();
      const tokens = await logIn(email, password);
      auth0.refreshTokens.get(tokens.refresh_token)!.revoked = true;
      expect((await post('refresh', { refresh_token: tokens.refresh_token })).status).toBe(401);
      expect((await profile(tokens.access_token)).status).toBe(401);
    });

    it('keeps the refresh token when the tenant does not rotate', async () => {
      auth0.options.rotation = false;
      const { email, password } = await registered();
      const tokens = await logIn(email, password);
      const response = await post('refresh', { refresh_token: tokens.refresh_token });
      expect(response.status).toBe(200);
      expect(response.body.refresh_token).toBe(tokens.refresh_token);
      expect((await post('refresh', { refresh_token: tokens.refresh_token })).status).toBe(200);
    });

    it('answers 503 while Auth0 is down and leaves the session usable afterwards', async () => {
      const { email, password } = await registered();
      const tokens = await logIn(email, password);
      auth0.down = true;
      const during = await post('refresh', { refresh_token: tokens.refresh_token });
      expect(during.status).toBe(503);
      expect(during.body).toMatchObject(UNAVAILABLE);
      auth0.down = false;
      expect((await post('refresh', { refresh_token: tokens.refresh_token })).status).toBe(200);
    });
  });

  describe('log-out', () => {
    it('ends the session at once and revokes the refresh token at Auth0', async () => {
      const { email, password } = await registered();
      const tokens = await logIn(email, password);
      const response = await post('logout', { refresh_token: tokens.refresh_token }, tokens.access_token);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ message: 'Successfully logged out' });
      expect(auth0.revokedRefreshTokens).toContain(tokens.refresh_token);
      expect((await profile(tokens.access_token)).status).toBe(401);
      const before = auth0.calls.length;
      expect((await post('refresh', { refresh_token: tokens.refresh_token })).status).toBe(401);
      expect(auth0.calls.length).toBe(before);
    });

    it('ends a token Auth0 issued identically to two log-ins of the same second (no jti)', async () => {
      auth0.options.issuedAt = Math.floor(Date.now() / 1000);
      const { email, password } = await registered();
      const phone = await logIn(email, password);
      const laptop = await logIn(email, password);
      expect(phone.access_token).toBe(laptop.access_token);
      await post('logout', { refresh_token: phone.refresh_token }, phone.access_token);
      expect((await profile(laptop.access_token)).status).toBe(401);
      // The other session itself lives on: its refresh token gets it a token of its own.
      auth0.options.issuedAt = null;
      auth0.options.tokenProfile = 'rfc9068';
      const refreshed = await post('refresh', { refresh_token: laptop.refresh_token });
      expect(refreshed.status).toBe(200);
      expect((await profile(refreshed.body.access_token)).status).toBe(200);
    });

    it('succeeds while Auth0 is down: the local session is what FluentPro honours', async () => {
      const { email, password } = await registered();
      const tokens = await logIn(email, password);
      auth0.down = true;
      const response = await post('logout', { refresh_token: tokens.refresh_token }, tokens.access_token);
      expect(response.status).toBe(200);
      expect((await profile(tokens.access_token)).status).toBe(401);
      auth0.down = false;
      expect((await post('refresh', { refresh_token: tokens.refresh_token })).status).toBe(401);
    });
  });

  describe('Auth0 slow or failing mid-flow', () => {
    it('answers 503 within the timeout when Auth0 is slow, and nothing is half-written', async () => {
      auth0.delays.set('*', 2500);
      const body = signUpBody();
      const before = await rowCounts(t);
      const started = Date.now();
      const response = await post('signup', body);
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject(UNAVAILABLE);
      expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
      expect(Date.now() - started).toBeLessThan(2400);
      expect(await rowCounts(t)).toEqual(before);
      // Auth0 finished creating the user after FluentPro gave up; the same sign-up later links it.
      await sleep(1200);
      auth0.delays.clear();
      const createdLate = auth0.usersByEmail.get(body.email as string);
      expect(createdLate).toBeDefined();
      const retry = await post('signup', body);
      expect(retry.status).toBe(201);
      expect(await externalIdOf(t, body.email as string)).toBe(createdLate!.user_id);
    });

    it('answers 503 to a log-in while the token endpoint is slow', async () => {
      const { email, password } = await registered();
      auth0.delays.set('/oauth/token', 2500);
      const response = await post('login', { email, password });
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject(UNAVAILABLE);
    });

    it('removes the Auth0 user again when the local write fails (no orphan)', async () => {
      jest.spyOn(t.app.get(SessionRepository), 'insert').mockRejectedValueOnce(new Error('disk full'));
      const body = signUpBody();
      const before = await rowCounts(t);
      const managementTokens = auth0.callsTo('/oauth/token', 'client_credentials').length;
      const response = await post('signup', body);
      expect(response.status).toBe(500);
      expect(response.body).toMatchObject({
        error: 'Internal server error',
        message: 'An unexpected error occurred',
      });
      expect(await rowCounts(t)).toEqual(before);
      expect(auth0.usersByEmail.has(body.email as string)).toBe(false);
      expect(auth0.deletedUserIds).toHaveLength(1);
      // The Management API was reached with its own client-credentials token.
      expect(auth0.callsTo('/oauth/token', 'client_credentials').length).toBe(managementTokens + 1);
      expect(auth0.callsTo(`/api/v2/users/${encodeURIComponent(auth0.deletedUserIds[0])}`)).toHaveLength(1);
    });

    it('removes the Auth0 user when the token grant fails right after the sign-up', async () => {
      auth0.forced.set('http://auth0.com/oauth/grant-type/password-realm', {
        status: 503,
        body: { error: 'temporarily_unavailable', error_description: 'Try later' },
      });
      const body = signUpBody();
      const deletedBefore = auth0.deletedUserIds.length;
      const before = await rowCounts(t);
      const response = await post('signup', body);
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject(UNAVAILABLE);
      expect(auth0.usersByEmail.has(body.email as string)).toBe(false);
      expect(auth0.deletedUserIds.length).toBe(deletedBefore + 1);
      expect(await rowCounts(t)).toEqual(before);
    });

    it('keeps an Auth0 user it could not delete, and links it on the next sign-up with its password', async () => {
      jest.spyOn(t.app.get(SessionRepository), 'insert').mockRejectedValueOnce(new Error('disk full'));
      auth0.forced.set('/api/v2/', { status: 503, body: { statusCode: 503, error: 'Service Unavailable' } });
      const body = signUpBody();
      expect((await post('signup', body)).status).toBe(500);
      const left = auth0.usersByEmail.get(body.email as string);
      expect(left).toBeDefined();
      auth0.forced.clear();
      expect((await post('signup', body)).status).toBe(201);
      expect(await externalIdOf(t, body.email as string)).toBe(left!.user_id);
    });
  });
});

describe('Auth0 identity provider while Auth0 is unreachable (connection refused)', () => {
  let auth0: FakeAuth0;
  let t: TestApp;

  beforeAll(async () => {
    auth0 = new FakeAuth0(); // settings only: nothing listens
    t = await createTestApp(auth0.env({ AUTH0_BASE_URL: `http://127.0.0.1:${await deadPort()}` }));
  });

  afterAll(async () => {
    await t?.close();
  });

  it('answers sign-up with 503 naming the identity provider, and writes nothing', async () => {
    const response = await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body: signUpBody() });
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject(UNAVAILABLE);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(await rowCounts(t)).toEqual({
      users: 0,
      sessions: 0,
      auth0_session_tokens: 0,
      outbox_messages: 0,
    });
  });

  it('answers log-in with 503', async () => {
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login/',
      body: { email: 'someone@example.com', password: STRONG_PASSWORD },
    });
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject(UNAVAILABLE);
  });

  it('answers 503, not 401, when a token cannot be checked because the JWKS is out of reach', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/api/v1/auth/profile/',
      token: auth0.accessToken('auth0|someone'),
    });
    expect(response.status).toBe(503);
    expect(response.body).toMatchObject(UNAVAILABLE);
  });

  it('reports Auth0 down in readiness (503) while the auth health body still says configured', async () => {
    const ready = await t.request({ method: 'GET', url: '/health/ready' });
    expect(ready.status).toBe(503);
    expect(ready.body.details.auth0).toMatchObject({
      status: 'down',
      message: expect.stringMatching(/Auth0/),
    });
    expect(ready.body.details.database).toMatchObject({ status: 'up' });
    const health = await t.request({ method: 'GET', url: '/api/v1/auth/health/' });
    expect(health.body).toMatchObject({ auth0_configured: true });
  });
});

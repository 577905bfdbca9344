import { createHmac, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sign } from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import type { FakeAuth0 } from '../support/fake-auth0';
import { signUpBody, STRONG_PASSWORD } from '../support/factories';
import { createTestAppIn, IDENTITY_MODES } from '../support/identity-modes';
import type { TestApp } from '../support/test-app';

const UNAUTHENTICATED = {
  error: 'Invalid token',
  message: expect.any(String),
  request_id: expect.any(String),
};

describe.each(IDENTITY_MODES)('Authentication contract (API.md), $name', (mode) => {
  const auth0 = mode.auth0;
  let t: TestApp;
  let tenant: FakeAuth0 | null;

  beforeAll(async () => {
    ({ t, tenant } = await createTestAppIn(mode));
  });

  afterAll(async () => {
    await t.close();
  });

  async function signUp(overrides: Record<string, unknown> = {}) {
    const body = signUpBody(overrides);
    const response = await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body });
    expect(response.status).toBe(201);
    return { body, tokens: response.body };
  }

  describe('POST signup/', () => {
    it('creates the account and answers 201 with a token pair and the user', async () => {
      const body = signUpBody({ email: 'John.Doe.Signup@Example.com' });
      const response = await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body });
      expect(response.status).toBe(201);
      expect(response.body).toEqual({
        access_token: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
        refresh_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 3600,
        user: {
          id: expect.stringMatching(/^[0-9a-f-]{36}$/),
          full_name: 'John Doe',
          email: 'john.doe.signup@example.com',
          date_of_birth: '1990-01-15',
        },
      });
      expect(JSON.stringify(response.body)).not.toContain(STRONG_PASSWORD);
    });

    it('answers the same without the trailing slash', async () => {
      const response = await t.request({ method: 'POST', url: '/api/v1/auth/signup', body: signUpBody() });
      expect(response.status).toBe(201);
    });

    it('refuses a taken email in any letter case with 409', async () => {
      const { body } = await signUp();
      const again = await t.request({
        method: 'POST',
        url: '/api/v1/auth/signup/',
        body: signUpBody({ email: String(body.email).toUpperCase() }),
      });
      expect(again.status).toBe(409);
      expect(again.body).toEqual({
        error: 'User already exists',
        message: 'A user with this email already exists',
        request_id: expect.any(String),
      });
    });

    it('reports every failing field at once', async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/auth/signup/',
        body: { full_name: 'J', email: 'not-an-email', password: 'short', date_of_birth: '2023-02-30' },
      });
      expect(response.status).toBe(400);
      expect(response.body.error).toBe('Validation failed');
      expect(response.body.details).toEqual({
        full_name: ['Full name must be between 2 and 50 characters.'],
        email: ['Enter a valid email address.'],
        password: [
          'Password must be at least 8 characters long',
          'Password must contain at least one uppercase letter',
          'Password must contain at least one digit',
          'Password must contain at least one special character',
        ],
        date_of_birth: ['Enter a valid date in the format YYYY-MM-DD.'],
      });
    });

    it('requires every field', async () => {
      const response = await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body: {} });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual({
        full_name: ['This field is required.'],
        email: ['This field is required.'],
        password: ['This field is required.'],
        date_of_birth: ['This field is required.'],
      });
    });

    it('rejects non-string values and names from other alphabets are welcome', async () => {
      const wrongTypes = await t.request({
        method: 'POST',
        url: '/api/v1/auth/signup/',
        body: signUpBody({ email: 42, password: ['x'] }),
      });
      expect(wrongTypes.status).toBe(400);
      expect(wrongTypes.body.details).toEqual({
        email: ['Not a valid string.'],
        password: ['Not a valid string.'],
      });
      const unicode = await t.request({
        method: 'POST',
        url: '/api/v1/auth/signup/',
        body: signUpBody({ full_name: '陳 大文' }),
      });
      expect(unicode.status).toBe(201);
      expect(unicode.body.user.full_name).toBe('陳 大文');
    });

    it('rejects users younger than 13 and dates in the future', async () => {
      const today = new Date();
      const twelve = `${today.getUTCFullYear() - 12}-01-01`;
      const future = `${today.getUTCFullYear() + 1}-01-01`;
      for (const [date, message] of [
        [twelve, 'You must be at least 13 years old to register.'],
        [future, 'Date of birth cannot be in the future.'],
      ]) {
        const response = await t.request({
          method: 'POST',
          url: '/api/v1/auth/signup/',
          body: signUpBody({ date_of_birth: date }),
        });
        expect(response.status).toBe(400);
        expect(response.body.details).toEqual({ date_of_birth: [message] });
      }
    });

    it('gives exactly one 201 and 409s, never a 500, for racing sign-ups of one email', async () => {
      const body = signUpBody();
      const responses = await Promise.all(
        Array.from({ length: 8 }, () => t.request({ method: 'POST', url: '/api/v1/auth/signup/', body })),
      );
      const statuses = responses.map((r) => r.status).sort();
      expect(statuses.filter((s) => s === 201)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    });
  });

  describe('POST login/', () => {
    it('answers 200 with a token pair and the user, whatever the email case', async () => {
      const { body } = await signUp();
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login/',
        body: { email: String(body.email).toUpperCase(), password: STRONG_PASSWORD },
      });
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({
        token_type: 'Bearer',
        expires_in: 3600,
        user: { email: body.email },
      });
    });

    it('answers the same 401 body for an unknown email and a wrong password', async () => {
      const { body } = await signUp();
      const wrong = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login/',
        body: { email: body.email, password: 'Wr0ng!pass' },
      });
      const unknown = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login/',
        body: { email: 'nobody-here@example.com', password: 'Wr0ng!pass' },
      });
      for (const response of [wrong, unknown]) {
        expect(response.status).toBe(401);
        expect(response.body).toEqual({
          error: 'Invalid credentials',
          message: 'Email or password is incorrect',
          request_id: expect.any(String),
        });
      }
    });

    it('validates the email format and requires the password', async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login/',
        body: { email: 'nope' },
      });
      expect(response.status).toBe(400);
      expect(response.body.details).toEqual({
        email: ['Enter a valid email address.'],
        password: ['This field is required.'],
      });
    });
  });

  describe('POST refresh/', () => {
    it('rotates the refresh token and answers a token pair without the user', async () => {
      const { tokens } = await signUp();
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/auth/refresh/',
        body: { refresh_token: tokens.refresh_token },
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        access_token: expect.any(String),
        refresh_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 3600,
      });
      expect(response.body.refresh_token).not.toBe(tokens.refresh_token);
      const next = await t.request({
        method: 'POST',
        url: '/api/v1/auth/refresh/',
        body: { refresh_token: response.body.refresh_token },
      });
      expect(next.status).toBe(200);
    });

    it('gives racing refreshes of one token a successor each, none logged out', async () => {
      const { tokens } = await signUp();
      const responses = await Promise.all(
        Array.from({ length: 5 }, () =>
          t.request({
            method: 'POST',
            url: '/api/v1/auth/refresh/',
            body: { refresh_token: tokens.refresh_token },
          }),
        ),
      );
      expect(responses.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
      // Self-hosted tokens derive their successor, so racers get the same one; Auth0 issues one per call.
      expect(new Set(responses.map((r) => r.body.refresh_token)).size).toBe(tenant ? responses.length : 1);
    });

    it('rejects garbage and unknown tokens with 401', async () => {
      for (const refresh_token of ['garbage', '00000000-0000-4000-8000-000000000000.' + 'a'.repeat(43)]) {
        const response = await t.request({
          method: 'POST',
          url: '/api/v1/auth/refresh/',
          body: { refresh_token },
        });
        expect(response.status).toBe(401);
        expect(response.body).toEqual({
          ...UNAUTHENTICATED,
          message: 'The refresh token is invalid, expired or revoked',
        });
      }
      const missing = await t.request({ method: 'POST', url: '/api/v1/auth/refresh/', body: {} });
      expect(missing.status).toBe(400);
      expect(missing.body.details).toEqual({ refresh_token: ['This field is required.'] });
    });
  });

  describe('POST logout/', () => {
    it('revokes the session: its access and refresh tokens stop working at once', async () => {
      const { tokens } = await signUp();
      const before = await t.request({
        method: 'GET',
        url: '/api/v1/auth/profile/',
        token: tokens.access_token,
      });
      expect(before.status).toBe(200);
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/auth/logout/',
        token: tokens.access_token,
        body: { refresh_token: tokens.refresh_token },
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ message: 'Successfully logged out' });
      const profile = await t.request({
        method: 'GET',
        url: '/api/v1/auth/profile/',
        token: tokens.access_token,
      });
      expect(profile.status).toBe(401);
      const refresh = await t.request({
        method: 'POST',
        url: '/api/v1/auth/refresh/',
        body: { refresh_token: tokens.refresh_token },
      });
      expect(refresh.status).toBe(401);
    });

    it('requires a bearer token and the refresh token', async () => {
      const { tokens } = await signUp();
      const anonymous = await t.request({
        method: 'POST',
        url: '/api/v1/auth/logout/',
        body: { refresh_token: tokens.refresh_token },
      });
      expect(anonymous.status).toBe(401);
      const missing = await t.request({
        method: 'POST',
        url: '/api/v1/auth/logout/',
        token: tokens.access_token,
        body: {},
      });
      expect(missing.status).toBe(400);
    });

    it("leaves the user's other sessions alone", async () => {
      const { body, tokens } = await signUp();
      const other = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login/',
        body: { email: body.email, password: STRONG_PASSWORD },
      });
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/logout/',
        token: tokens.access_token,
        body: { refresh_token: tokens.refresh_token },
      });
      const stillIn = await t.request({
        method: 'GET',
        url: '/api/v1/auth/profile/',
        token: other.body.access_token,
      });
      expect(stillIn.status).toBe(200);
    });
  });

  describe('GET and PATCH profile/', () => {
    const getProfile = (token: string) => t.request({ method: 'GET', url: '/api/v1/auth/profile/', token });

    it('answers the profile of the token holder', async () => {
      const { tokens } = await signUp({ full_name: 'Ana María' });
      const response = await t.request({
        method: 'GET',
        url: '/api/v1/auth/profile',
        token: tokens.access_token,
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({
        id: tokens.user.id,
        full_name: 'Ana María',
        email: tokens.user.email,
        date_of_birth: '1990-01-15',
        created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
        updated_at: expect.stringMatching(/Z$/),
      });
    });

    it('changes full_name and date_of_birth under the sign-up rules, all or nothing', async () => {
      const { tokens } = await signUp();
      const bad = await t.request({
        method: 'PATCH',
        url: '/api/v1/auth/profile/',
        token: tokens.access_token,
        body: { full_name: 'Jane Doe', date_of_birth: '1990-13-01' },
      });
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.details)).toEqual(['date_of_birth']);
      const unchanged = await getProfile(tokens.access_token);
      expect(unchanged.body.full_name).toBe('John Doe');

      const ok = await t.request({
        method: 'PATCH',
        url: '/api/v1/auth/profile/',
        token: tokens.access_token,
        body: { full_name: 'Jane Doe', date_of_birth: '1991-02-20', email: 'hijack@example.com' },
      });
      expect(ok.status).toBe(200);
      expect(ok.body).toMatchObject({
        full_name: 'Jane Doe',
        date_of_birth: '1991-02-20',
        email: tokens.user.email,
      });
      // GET reads the stored row straight into its view (AccountViews): the same body as PATCH answered.
      const read = await getProfile(tokens.access_token);
      expect(read.body).toEqual(ok.body);
    });

    it('answers 401 in the documented shape once the account is gone (its sessions go with it)', async () => {
      const { tokens } = await signUp();
      await t.app
        .get(DataSource)
        .query(`DELETE FROM users WHERE id = ${t.database.kind === 'postgres' ? '$1' : '?'}`, [
          tokens.user.id,
        ]);
      const response = await getProfile(tokens.access_token);
      expect(response.status).toBe(401);
      expect(response.body).toEqual({
        error: 'Invalid token',
        message: expect.any(String),
        request_id: expect.any(String),
      });
    });
  });

  describe('access-token verification', () => {
    const payload = (sub: string, sid: string) => ({ sub, sid });

    it('refuses a missing, malformed, tampered, foreign-key, alg:none, HS256 or expired token', async () => {
      const { tokens } = await signUp();
      const claims = JSON.parse(Buffer.from(tokens.access_token.split('.')[1], 'base64url').toString());
      const options = tenant
        ? { issuer: `https://${tenant.domain}/`, audience: tenant.audience }
        : { issuer: t.config.env.JWT_ISSUER, audience: t.config.env.JWT_AUDIENCE };
      const header = JSON.parse(Buffer.from(tokens.access_token.split('.')[0], 'base64url').toString());
      const { privateKey: foreignKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
      const ownKey = tenant
        ? tenant.keys[0].privateKey
        : readFileSync(join(t.config.env.JWT_KEYS_DIR, 'signing-key.pem'), 'utf8');
      const jwks = tenant
        ? { body: { keys: [tenant.keys[0].publicKey.export({ format: 'jwk' })] } }
        : await t.request({ method: 'GET', url: '/.well-known/jwks.json' });
      const publicPem = createPublicKey({ key: jwks.body.keys[0], format: 'jwk' }).export({
        type: 'spki',
        format: 'pem',
      });
      const [h, p, s] = tokens.access_token.split('.');
      const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
      const candidates = {
        missing: undefined,
        malformed: 'not-a-jwt',
        tamperedPayload: `${h}.${b64({ ...claims, sub: '00000000-0000-4000-8000-000000000000' })}.${s}`,
        foreignKey: sign(payload(claims.sub, claims.sid), foreignKey, {
          algorithm: 'RS256',
          keyid: header.kid,
          ...options,
        }),
        algNone: `${b64({ alg: 'none', typ: 'JWT' })}.${p}.`,
        hs256WithPublicKey: `${b64({ alg: 'HS256', typ: 'JWT', kid: header.kid })}.${p}.${createHmac(
          'sha256',
          publicPem,
        )
          .update(`${b64({ alg: 'HS256', typ: 'JWT', kid: header.kid })}.${p}`)
          .digest('base64url')}`,
        wrongAudience: sign(payload(claims.sub, claims.sid), ownKey, {
          algorithm: 'RS256',
          keyid: header.kid,
          issuer: options.issuer,
          audience: 'someone-else',
        }),
        wrongIssuer: sign(payload(claims.sub, claims.sid), ownKey, {
          algorithm: 'RS256',
          keyid: header.kid,
          issuer: 'evil',
          audience: options.audience,
        }),
        expired: sign(
          { ...payload(claims.sub, claims.sid), exp: Math.floor(Date.now() / 1000) - 60 },
          ownKey,
          { algorithm: 'RS256', keyid: header.kid, ...options },
        ),
      };
      // The genuine key signs a valid token, so the refusals above are about the token alone. (In the
      // Auth0 mode only tokens issued through FluentPro have a session, so the genuine one is that;
      // auth0-identity.e2e-spec.ts shows the claim checks on tokens Auth0 issued through FluentPro.)
      const genuine = tenant
        ? tokens.access_token
        : sign(payload(claims.sub, claims.sid), ownKey, {
            algorithm: 'RS256',
            keyid: header.kid,
            ...options,
          });
      expect((await t.request({ method: 'GET', url: '/api/v1/auth/profile/', token: genuine })).status).toBe(
        200,
      );
      expect(Object.keys(candidates).length).toBeGreaterThan(5);
      for (const [name, token] of Object.entries(candidates)) {
        const response = await t.request({
          method: 'GET',
          url: '/api/v1/auth/profile/',
          token: token ?? undefined,
        });
        expect({ name, status: response.status }).toEqual({ name, status: 401 });
        expect(response.body).toEqual(UNAUTHENTICATED);
      }
    });
  });

  describe('HTTP behaviour', () => {
    it('answers malformed JSON with 400, an oversized body with 413 and an unknown route with 404, in the contract shape', async () => {
      const malformed = await t.request({ method: 'POST', url: '/api/v1/auth/login/', body: '{"email": ' });
      expect(malformed.status).toBe(400);
      expect(malformed.body).toEqual({
        error: 'Bad request',
        message: expect.any(String),
        request_id: expect.any(String),
      });

      const huge = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login/',
        body: { email: 'a@b.co', password: 'x'.repeat(1_100_000) },
      });
      expect(huge.status).toBe(413);
      expect(huge.body).toEqual({
        error: 'Payload too large',
        message: expect.any(String),
        request_id: expect.any(String),
      });

      const unknown = await t.request({ method: 'GET', url: '/api/v1/nothing-here/' });
      expect(unknown.status).toBe(404);
      expect(unknown.body).toEqual({
        error: 'Not found',
        message: expect.any(String),
        request_id: expect.any(String),
      });
    });

    it('echoes a valid x-request-id and puts it in error bodies', async () => {
      const response = await t.request({
        method: 'GET',
        url: '/api/v1/auth/profile/',
        headers: { 'x-request-id': 'trace-123' },
      });
      expect(response.headers['x-request-id']).toBe('trace-123');
      expect(response.body.request_id).toBe('trace-123');
    });

    it('sends security headers and no x-powered-by', async () => {
      const response = await t.request({ method: 'GET', url: '/health/live' });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok' });
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['strict-transport-security']).toBeDefined();
      expect(response.headers['x-powered-by']).toBeUndefined();
    });

    it('reports health under the contract and readiness of the database', async () => {
      const health = await t.request({ method: 'GET', url: '/api/v1/auth/health/' });
      expect(health.status).toBe(200);
      expect(health.body).toMatchObject({
        status: 'healthy',
        service: 'fluentpro-backend',
        version: '1.0.0',
        environment: 'test',
        auth0_configured: auth0,
        supabase_configured: t.database.kind === 'postgres',
      });
      const ready = await t.request({ method: 'GET', url: '/health/ready' });
      expect(ready.status).toBe(200);
      expect(ready.body.info.database.status).toBe('up');
    });

    it('publishes the signing key (self-hosted) and an OpenAPI document with every endpoint and the bearer scheme', async () => {
      const jwks = await t.request({ method: 'GET', url: '/.well-known/jwks.json' });
      if (auth0) {
        // Auth0 publishes its own keys; FluentPro holds none in this mode.
        expect(jwks.status).toBe(404);
      } else {
        expect(jwks.body.keys).toEqual([
          expect.objectContaining({ kty: 'RSA', alg: 'RS256', use: 'sig', kid: expect.any(String) }),
        ]);
        expect(jwks.body.keys[0].d).toBeUndefined();
      }
      const document = await t.request({ method: 'GET', url: '/api/docs-json' });
      expect(document.status).toBe(200);
      for (const path of ['signup', 'login', 'refresh', 'logout', 'profile', 'health']) {
        expect(Object.keys(document.body.paths)).toContain(`/api/v1/auth/${path}`);
      }
      expect(document.body.components.securitySchemes.bearer).toMatchObject({
        type: 'http',
        scheme: 'bearer',
      });
      const console = await t.request({ method: 'GET', url: '/api/docs' });
      expect(console.status).toBe(200);
      expect(String(console.body)).toContain('swagger');
    });
  });
});

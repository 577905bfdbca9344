import { AppConfig } from '@fluentpro/shared';
import { createTestApp, TEST_ENV, TestApp } from '../support/test-app';

/** The hot paths the benchmark measures, after their performance changes (docs/performance.md). */
describe('request path (security headers, session check, key lookups, hash queue)', () => {
  let t: TestApp;
  const password = 'Str0ng!Passw0rd';

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('sets the API security headers and a request id on every answer, 404 included', async () => {
    for (const url of ['/health/live', '/api/v1/nothing-here/']) {
      const response = await t.request({ method: 'GET', url });
      expect(response.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
      expect(response.headers['x-frame-options']).toBe('DENY');
      expect(response.headers['strict-transport-security']).toMatch(/max-age=\d+/);
      expect(response.headers['referrer-policy']).toBe('no-referrer');
      expect(response.headers['cache-control']).toBe('no-store');
      // Document-only headers are not sent with JSON answers.
      expect(response.headers['x-xss-protection']).toBeUndefined();
      expect(response.headers['x-dns-prefetch-control']).toBeUndefined();
      expect(response.headers['x-request-id']).toEqual(expect.any(String));
    }
    const echoed = await t.request({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'abc-123' },
    });
    expect(echoed.headers['x-request-id']).toBe('abc-123');
  });

  it("gives the OpenAPI console helmet's page headers, with a policy that lets Swagger UI run", async () => {
    const page = await t.request({ method: 'GET', url: '/api/docs' });
    expect(page.status).toBe(200);
    expect(page.headers['content-security-policy']).toContain("script-src 'self' 'unsafe-inline'");
    expect(page.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(page.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(page.headers['x-request-id']).toEqual(expect.any(String));
  });

  it('keeps answers that carry tokens out of caches, and lets cacheable routes say otherwise', async () => {
    const jwks = await t.request({ method: 'GET', url: '/.well-known/jwks.json' });
    expect(jwks.headers['cache-control']).toBe('public, max-age=300');
    const languages = await t.request({ method: 'GET', url: '/api/v1/onboarding/languages/' });
    expect(languages.status).toBe(200);
    expect(languages.headers['cache-control']).toMatch(/max-age/);
  });

  it('serves the profile through the session check, and stops at once after logout', async () => {
    const signUp = await t.request({
      method: 'POST',
      url: '/api/v1/auth/signup/',
      body: {
        full_name: 'Path Tester',
        email: 'Path.Tester@example.com',
        password,
        date_of_birth: '1990-01-15',
      },
    });
    expect(signUp.status).toBe(201);
    expect(signUp.headers['cache-control']).toBe('no-store');
    const token = signUp.body.access_token as string;
    const profile = await t.request({ method: 'GET', url: '/api/v1/auth/profile/', token });
    expect(profile.status).toBe(200);
    expect(profile.body).toEqual({
      id: signUp.body.user.id,
      full_name: 'Path Tester',
      email: 'path.tester@example.com',
      date_of_birth: '1990-01-15',
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
    });
    // A token whose header names another key is refused, and the next valid one is served again.
    const [, payload, signature] = token.split('.');
    const foreignHeader = Buffer.from(
      JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: 'another-key' }),
    ).toString('base64url');
    const foreign = [foreignHeader, payload, signature].join('.');
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/profile/', token: foreign })).status).toBe(
      401,
    );
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/profile/', token })).status).toBe(200);
    const logout = await t.request({
      method: 'POST',
      url: '/api/v1/auth/logout/',
      token,
      body: { refresh_token: signUp.body.refresh_token },
    });
    expect(logout.status).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/auth/profile/', token })).status).toBe(401);
  });

  it('finds the account by email in any case, and a success clears earlier failures', async () => {
    const email = 'case.mixer@example.com';
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/signup/',
      body: { full_name: 'Case Mixer', email, password, date_of_birth: '1990-01-15' },
    });
    const login = (pass: string) =>
      t.request({
        method: 'POST',
        url: '/api/v1/auth/login/',
        body: { email: 'Case.MIXER@example.com', password: pass },
      });
    const maxFailures = t.config.env.LOGIN_MAX_FAILURES;
    for (let i = 0; i < maxFailures - 1; i += 1) expect((await login('Wrong-passw0rd')).status).toBe(401);
    expect((await login(password)).status).toBe(200);
    // The count started again: as many failures as before are still not a lockout.
    for (let i = 0; i < maxFailures - 1; i += 1) expect((await login('Wrong-passw0rd')).status).toBe(401);
    expect((await login(password)).status).toBe(200);
  });

  it('builds the OpenAPI document on demand, with every route', async () => {
    const response = await t.request({ method: 'GET', url: '/api/docs-json' });
    expect(response.status).toBe(200);
    expect(Object.keys(response.body.paths)).toEqual(
      expect.arrayContaining(['/api/v1/auth/profile', '/api/v1/auth/login', '/health/live']),
    );
  });

  it('answers without CORS headers when no origin is allowed', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/health/live',
      headers: { origin: 'https://elsewhere.example.com' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('bounds the hash queue to 2 per hashing slot by default', () => {
    const defaults = AppConfig.parse({ ...TEST_ENV, HASH_QUEUE_LIMIT: '' });
    expect(defaults.hashQueueLimit).toBe(2 * defaults.hashConcurrency);
  });
});

describe('CORS with allowed origins', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ CORS_ORIGINS: 'https://app.example.com' });
  });

  afterAll(async () => {
    await t?.close();
  });

  it('allows a listed origin, with credentials and the exposed headers', async () => {
    const preflight = await t.request({
      method: 'OPTIONS' as never,
      url: '/api/v1/auth/login/',
      headers: { origin: 'https://app.example.com', 'access-control-request-method': 'POST' },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers['access-control-allow-origin']).toBe('https://app.example.com');
    const response = await t.request({
      method: 'GET',
      url: '/health/live',
      headers: { origin: 'https://app.example.com' },
    });
    expect(response.headers['access-control-allow-origin']).toBe('https://app.example.com');
    expect(response.headers['access-control-allow-credentials']).toBe('true');
    expect(response.headers['access-control-expose-headers']).toContain('x-request-id');
  });

  it('does not allow another origin', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/health/live',
      headers: { origin: 'https://evil.example.com' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
  });
});

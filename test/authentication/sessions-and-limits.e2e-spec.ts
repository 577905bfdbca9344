import { signUpBody, STRONG_PASSWORD } from '../support/factories';
import { createTestAppIn, IDENTITY_MODES } from '../support/identity-modes';
import { createTestApp, TestApp } from '../support/test-app';

describe.each(IDENTITY_MODES)('Refresh-token reuse detection, $name', (mode) => {
  let t: TestApp;

  beforeAll(async () => {
    ({ t } = await createTestAppIn(mode, { REFRESH_TOKEN_REUSE_INTERVAL_SECONDS: '0' }));
  });
  afterAll(() => t.close());

  const refresh = (refresh_token: string) =>
    t.request({ method: 'POST', url: '/api/v1/auth/refresh/', body: { refresh_token } });

  it('revokes the whole session when a rotated token is presented after the reuse interval', async () => {
    const signUp = await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body: signUpBody() });
    const first = signUp.body.refresh_token as string;
    const second = (await refresh(first)).body;
    await new Promise((resolve) => setTimeout(resolve, 5));

    const replay = await refresh(first);
    expect(replay.status).toBe(401);

    // The thief's replay ended the family: the legitimate successor and its access token are dead too.
    expect((await refresh(second.refresh_token)).status).toBe(401);
    const profile = await t.request({
      method: 'GET',
      url: '/api/v1/auth/profile/',
      token: second.access_token,
    });
    expect(profile.status).toBe(401);
  });

  it('treats a token several rotations old as reuse too', async () => {
    const signUp = await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body: signUpBody() });
    const first = signUp.body.refresh_token as string;
    let current = first;
    for (let i = 0; i < 3; i += 1) current = (await refresh(current)).body.refresh_token;
    expect((await refresh(first)).status).toBe(401);
    expect((await refresh(current)).status).toBe(401);
  });
});

describe.each(IDENTITY_MODES)('Brute-force protection per account, $name', (mode) => {
  let t: TestApp;

  beforeAll(async () => {
    ({ t } = await createTestAppIn(mode, { LOGIN_MAX_FAILURES: '5', LOGIN_LOCKOUT_BASE_SECONDS: '30' }));
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    t.request({ method: 'POST', url: '/api/v1/auth/login/', body: { email, password } });

  it('answers 429 with Retry-After after 5 consecutive failures, even for the right password', async () => {
    const body = signUpBody();
    await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body });
    const email = String(body.email);
    for (let i = 0; i < 5; i += 1) expect((await login(email, 'Wr0ng!pass')).status).toBe(401);
    const locked = await login(email.toUpperCase(), STRONG_PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThanOrEqual(29);
    expect(locked.body).toEqual({
      error: 'Too many requests',
      message: 'Too many failed login attempts. Try again later.',
      request_id: expect.any(String),
    });
  });

  it('locks an unknown email the same way, so the lock reveals nothing', async () => {
    const email = 'nobody-at-all@example.com';
    for (let i = 0; i < 5; i += 1) expect((await login(email, 'Wr0ng!pass')).status).toBe(401);
    expect((await login(email, 'Wr0ng!pass')).status).toBe(429);
  });

  it('forgets earlier failures after a successful login', async () => {
    const body = signUpBody();
    await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body });
    const email = String(body.email);
    for (let i = 0; i < 4; i += 1) await login(email, 'Wr0ng!pass');
    expect((await login(email, STRONG_PASSWORD)).status).toBe(200);
    for (let i = 0; i < 4; i += 1) expect((await login(email, 'Wr0ng!pass')).status).toBe(401);
    expect((await login(email, STRONG_PASSWORD)).status).toBe(200);
  });
});

describe('Rate limit per client address', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ AUTH_RATE_LIMIT_PER_MINUTE: '3' });
  });
  afterAll(() => t.close());

  it('answers 429 with Retry-After once an address exceeds the limit', async () => {
    // A unique address per run, so counters shared through Redis do not leak between runs.
    const address = `10.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}.7`;
    const attempt = () =>
      t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login/',
        payload: { email: 'someone@example.com', password: 'whatever' },
        remoteAddress: address,
      });
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push((await attempt()).statusCode);
    expect(statuses).toEqual([401, 401, 401, 429]);
    const limited = await attempt();
    expect(limited.headers['retry-after']).toBeDefined();
    expect(JSON.parse(limited.body)).toEqual({
      error: 'Too many requests',
      message: 'Too many requests from this address, please try again later',
      request_id: expect.any(String),
    });
  });

  it('does not limit reads of the profile', async () => {
    const signUp = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/signup/',
      payload: signUpBody(),
      remoteAddress: '10.9.9.9',
    });
    const token = JSON.parse(signUp.body).access_token as string;
    for (let i = 0; i < 6; i += 1) {
      const profile = await t.app.inject({
        method: 'GET',
        url: '/api/v1/auth/profile/',
        headers: { authorization: `Bearer ${token}` },
        remoteAddress: '10.9.9.9',
      });
      expect(profile.statusCode).toBe(200);
    }
  });
});

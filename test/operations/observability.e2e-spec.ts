import { generateKeyPairSync } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { OpsServer } from '@fluentpro/shared';
import { LogCapture } from '../support/log-capture';
import { sampleValue } from '../support/metrics-text';
import { createTestApp, TestApp } from '../support/test-app';
import { signUpBody, STRONG_PASSWORD } from '../support/factories';

describe('Observability: request logs, metrics, redaction', () => {
  const logs = new LogCapture();
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp(
      { LOG_LEVEL: 'info', LOGIN_MAX_FAILURES: '2', REFRESH_TOKEN_REUSE_INTERVAL_SECONDS: '0' },
      { logDestination: logs },
    );
  });
  afterAll(() => t.close());

  const scrape = async (): Promise<string> => {
    const response = await t.request({ method: 'GET', url: '/metrics' });
    expect(response.status).toBe(200);
    return response.body as string;
  };

  it('writes one line per request with method, route template, status, duration and request id', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/health/ready',
      headers: { 'x-request-id': 'obs-ready-1' },
    });
    expect(response.headers['x-request-id']).toBe('obs-ready-1');

    const lines = logs.matching({ request_id: 'obs-ready-1' });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: 'info',
      time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      service: 'api',
      request_id: 'obs-ready-1',
      method: 'GET',
      route: '/health/ready',
      status: 200,
      duration_ms: expect.any(Number),
      msg: 'request completed',
    });
  });

  it('answers the liveness probe without a log line or a request metric, with its headers', async () => {
    const response = await t.request({
      method: 'GET',
      url: '/health/live',
      headers: { 'x-request-id': 'obs-live-1' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['x-request-id']).toBe('obs-live-1');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(logs.matching({ request_id: 'obs-live-1' })).toEqual([]);
    expect(await scrape()).not.toContain('route="/health/live"');
  });

  it('labels lines by route template, not by raw URL, and puts the generated id in error bodies', async () => {
    const response = await t.request({ method: 'GET', url: '/no/such/route?token=abc' });
    expect(response.status).toBe(404);
    const id = response.headers['x-request-id'] as string;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    expect(response.body.request_id).toBe(id);
    expect(logs.matching({ request_id: id })).toEqual([
      expect.objectContaining({ route: 'unmatched', status: 404, msg: 'request completed' }),
    ]);
    expect(logs.raw.join('\n')).not.toContain('token=abc');
  });

  it('counts requests by route and status, and authentication outcomes', async () => {
    const before = await scrape();
    const account = signUpBody();
    const signUp = await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body: account });
    expect(signUp.status).toBe(201);
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login/',
      body: { email: account.email, password: STRONG_PASSWORD },
    });
    expect(login.status).toBe(200);
    const rotated = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh/',
      body: { refresh_token: login.body.refresh_token },
    });
    expect(rotated.status).toBe(200);
    const reused = await t.request({
      method: 'POST',
      url: '/api/v1/auth/refresh/',
      body: { refresh_token: login.body.refresh_token },
    });
    expect(reused.status).toBe(401);
    const logout = await t.request({
      method: 'POST',
      url: '/api/v1/auth/logout/',
      token: signUp.body.access_token,
      body: { refresh_token: signUp.body.refresh_token },
    });
    expect(logout.status).toBe(200);
    for (const expected of [401, 401, 429]) {
      const wrong = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login/',
        body: { email: account.email, password: 'Wrong!Passw0rd' },
      });
      expect(wrong.status).toBe(expected);
    }
    const after = await scrape();

    const delta = (name: string, labels: Record<string, string>) =>
      sampleValue(after, name, labels) - sampleValue(before, name, labels);
    const requests = (route: string, status: string) =>
      delta('http_request_duration_seconds_count', { method: 'POST', route, status_code: status });
    expect(requests('/api/v1/auth/signup', '201')).toBe(1);
    expect(requests('/api/v1/auth/login', '200')).toBe(1);
    expect(requests('/api/v1/auth/login', '401')).toBe(2);
    expect(requests('/api/v1/auth/login', '429')).toBe(1);
    expect(requests('/api/v1/auth/refresh', '401')).toBe(1);
    expect(
      delta('http_request_duration_seconds_bucket', {
        route: '/api/v1/auth/signup',
        status_code: '201',
        le: '+Inf',
      }),
    ).toBe(1);

    const outcome = (name: string) => delta('fluentpro_auth_outcomes_total', { outcome: name });
    expect(outcome('signup')).toBe(1);
    expect(outcome('login_success')).toBe(1);
    expect(outcome('login_failure')).toBe(2);
    expect(outcome('login_locked')).toBe(1);
    expect(outcome('refresh_success')).toBe(1);
    expect(outcome('refresh_failure')).toBe(1);
    expect(outcome('refresh_reuse_detected')).toBe(1);
    expect(outcome('logout')).toBe(1);

    expect(after).toMatch(/^process_cpu_user_seconds_total\{service="api"\} /m);
    expect(after).toMatch(/^nodejs_eventloop_lag_seconds\{service="api"\} /m);
    expect(after).not.toMatch(/route="[^"]*\?/);
  });

  it('redacts passwords, tokens, authorization headers and cookies', async () => {
    const account = signUpBody({ password: 'Sup3r$ecretPass' });
    const signUp = await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body: account });
    expect(signUp.status).toBe(201);
    const { access_token: accessToken, refresh_token: refreshToken } = signUp.body;

    new Logger('RedactionTest').warn(
      {
        body: { email: account.email, password: account.password },
        refresh_token: refreshToken,
        headers: { authorization: `Bearer ${accessToken}`, cookie: 'session=cookie-secret' },
        error: { token: 'nested-token-secret' },
      },
      'credentials passed through a log call',
    );

    const raw = logs.raw.join('\n');
    const line = logs.matching({ msg: 'credentials passed through a log call' })[0];
    expect(line).toMatchObject({
      context: 'RedactionTest',
      body: { email: account.email, password: '[Redacted]' },
      refresh_token: '[Redacted]',
      headers: { authorization: '[Redacted]', cookie: '[Redacted]' },
      error: { token: '[Redacted]' },
    });
    for (const secret of [
      account.password as string,
      accessToken,
      refreshToken,
      'cookie-secret',
      'nested-token-secret',
    ])
      expect(raw).not.toContain(secret);
  });

  it('serves /metrics only with the token when METRICS_TOKEN is set', async () => {
    const guarded = await createTestApp({ METRICS_TOKEN: 'a-metrics-token-of-some-length' });
    try {
      const anonymous = await guarded.request({ method: 'GET', url: '/metrics' });
      expect(anonymous.status).toBe(401);
      expect(anonymous.body).toMatchObject({ error: 'Authentication required' });
      const wrong = await guarded.request({
        method: 'GET',
        url: '/metrics',
        token: 'another-token-of-some-length',
      });
      expect(wrong.status).toBe(401);
      const allowed = await guarded.request({
        method: 'GET',
        url: '/metrics',
        token: 'a-metrics-token-of-some-length',
      });
      expect(allowed.status).toBe(200);
      expect(allowed.headers['content-type']).toMatch(/^text\/plain/);
      expect(allowed.body).toContain('# TYPE http_request_duration_seconds histogram');
    } finally {
      await guarded.close();
    }
  });

  it('serves metrics and probes on METRICS_PORT instead of the public port when it is set', async () => {
    const separate = await createTestApp({ METRICS_PORT: '0', METRICS_HOST: '127.0.0.1' });
    try {
      expect((await separate.request({ method: 'GET', url: '/metrics' })).status).toBe(404);
      const port = separate.app.get(OpsServer).port;
      const base = `http://127.0.0.1:${port}`;
      const metrics = await fetch(`${base}/metrics`);
      expect(metrics.status).toBe(200);
      expect(await metrics.text()).toContain('fluentpro_auth_outcomes_total');
      expect((await fetch(`${base}/health/live`)).status).toBe(200);
      const ready = await fetch(`${base}/health/ready`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    } finally {
      await separate.close();
    }
  });

  it('does not serve metrics in production unless a token or a port restricts them', async () => {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const production = await createTestApp({
      NODE_ENV: 'production',
      JWT_PRIVATE_KEY: privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    });
    try {
      expect((await production.request({ method: 'GET', url: '/metrics' })).status).toBe(404);
    } finally {
      await production.close();
    }
  });
});

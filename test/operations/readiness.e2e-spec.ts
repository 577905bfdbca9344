import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { ReadinessRegistry } from '@fluentpro/shared';
import { LogCapture } from '../support/log-capture';
import { createTestApp, TestApp } from '../support/test-app';
import { signUpBody } from '../support/factories';
import { TcpProxy } from '../support/tcp-proxy';

const postgres = Boolean(process.env.DATABASE_URL);

/** Polls /health/ready until it answers `status` (the pool needs a moment to notice a change). */
async function readyUntil(t: TestApp, status: number, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const response = await t.request({ method: 'GET', url: '/health/ready' });
    if (response.status === status || Date.now() > deadline) return response;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe('Readiness follows the database', () => {
  const logs = new LogCapture();
  let t: TestApp;
  let proxy: TcpProxy | undefined;

  beforeAll(async () => {
    if (postgres) {
      // The app reaches PostgreSQL through a proxy the test can cut, as when the database goes away.
      const target = new URL(process.env.DATABASE_URL!);
      proxy = new TcpProxy(target.hostname, Number(target.port || 5432));
      await proxy.start();
    }
    t = await createTestApp(
      { LOG_LEVEL: 'info', READINESS_TIMEOUT_MS: '1500', DATABASE_POOL_SIZE: '2' },
      {
        logDestination: logs,
        databaseEnv: proxy
          ? (env) => ({ ...env, DATABASE_URL: viaProxy(env.DATABASE_URL, proxy!.port) })
          : undefined,
      },
    );
  });
  afterAll(async () => {
    await proxy?.start().catch(() => undefined);
    await t.close();
    await proxy?.stop();
  });

  it('answers 200 with the database up', async () => {
    const response = await t.request({ method: 'GET', url: '/health/ready' });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: { database: { status: 'up', dialect: postgres ? 'postgres' : 'sqlite' } },
      error: {},
    });
  });

  it('answers 503 naming the database while it is unreachable, and 200 again once it is back', async () => {
    const dataSource = t.app.get<DataSource>(getDataSourceToken());
    if (proxy) await proxy.stop();
    else await dataSource.destroy(); // SQLite has no server: the connection itself goes away

    const down = await readyUntil(t, 503);
    expect(down.status).toBe(503);
    expect(down.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } } });
    expect(typeof down.body.error.database.message).toBe('string');
    expect((await t.request({ method: 'GET', url: '/health/live' })).status).toBe(200);

    // A request that needs the database fails as a logged 5xx carrying its request id.
    const failed = await t.request({
      method: 'POST',
      url: '/api/v1/auth/signup/',
      body: signUpBody(),
      headers: { 'x-request-id': 'db-down-1' },
    });
    expect(failed.status).toBeGreaterThanOrEqual(500);
    expect(failed.body).toMatchObject({ request_id: 'db-down-1' });
    expect(JSON.stringify(failed.body)).not.toMatch(/ECONNREFUSED|stack|SELECT/);
    const errorLines = logs.matching({ request_id: 'db-down-1', level: 'error' });
    expect(errorLines).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ context: 'HTTP', msg: 'Unhandled error while serving a request' }),
        expect.objectContaining({ msg: 'request completed', route: '/api/v1/auth/signup' }),
      ]),
    );

    if (proxy) await proxy.start();
    else await dataSource.initialize();
    const up = await readyUntil(t, 200);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ status: 'ok', info: { database: { status: 'up' } } });
    const signUp = await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body: signUpBody() });
    expect(signUp.status).toBe(201);
  });

  it('reports Redis when it is configured', async () => {
    const registry = t.app.get(ReadinessRegistry);
    expect(registry.names.includes('redis')).toBe(Boolean(process.env.REDIS_URL));
    if (process.env.REDIS_URL) {
      const response = await t.request({ method: 'GET', url: '/health/ready' });
      expect(response.body.info.redis).toEqual({ status: 'up' });
    }
  });

  it('lets other modules add indicators', async () => {
    const registry = t.app.get(ReadinessRegistry);
    let backlog = 0;
    const remove = registry.register({
      name: 'outbox',
      check: () => {
        if (backlog > 100) return Promise.reject(new Error(`backlog ${backlog} above 100`));
        return Promise.resolve({ backlog });
      },
    });
    try {
      expect((await t.request({ method: 'GET', url: '/health/ready' })).body.info.outbox).toEqual({
        status: 'up',
        backlog: 0,
      });
      backlog = 500;
      const response = await t.request({ method: 'GET', url: '/health/ready' });
      expect(response.status).toBe(503);
      expect(response.body.error.outbox).toEqual({ status: 'down', message: 'backlog 500 above 100' });
    } finally {
      remove();
    }
    expect(registry.names).not.toContain('outbox');
  });

  it('reports not ready once shutdown has begun, so the load balancer stops sending work', async () => {
    t.app.get(ReadinessRegistry).beginShutdown();
    const response = await t.request({ method: 'GET', url: '/health/ready' });
    expect(response.status).toBe(503);
    expect(response.body.error.process).toEqual({ status: 'down', message: 'shutting down' });
  });
});

function viaProxy(url: string, port: number): string {
  const parsed = new URL(url);
  parsed.hostname = '127.0.0.1';
  parsed.port = String(port);
  return parsed.toString();
}

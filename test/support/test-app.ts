import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { AppConfig } from '@fluentpro/shared';
import { ApiAppOptions, createApiApp } from '../../apps/api/src/bootstrap';
import { deleteQueueKeys, uniqueQueuePrefix } from './redis';
import { createTestDatabase, TestDatabase } from './test-database';

export interface TestApp {
  app: NestFastifyApplication;
  config: AppConfig;
  database: TestDatabase;
  request(options: {
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
    url: string;
    body?: unknown;
    token?: string;
    headers?: Record<string, string>;
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies are asserted field by field
  }): Promise<{ status: number; body: any; headers: Record<string, unknown> }>;
  /** Listens on a random local port (for WebSocket suites); returns the base URLs. */
  listen(): Promise<{ http: string; ws: string }>;
  close(): Promise<void>;
}

/** Fast test settings: the argon2 floor of the policy still applies (19 MiB, t=2). */
export const TEST_ENV: Record<string, string> = {
  NODE_ENV: 'test',
  LOG_LEVEL: 'silent',
  AUTH_RATE_LIMIT_PER_MINUTE: '100000',
  // Functional suites fire bursts (racing sign-ups) that the production default, two waiting hashes
  // per slot, would partly shed with 503; load shedding has its own tests and the benchmark.
  HASH_QUEUE_LIMIT: '64',
};

/**
 * The real API (Fastify, every module) on a fresh database, driven through Fastify's inject. Pass
 * `database` to start a second instance on the same database (it is then left for its owner to drop).
 */
export async function createTestApp(
  overrides: Record<string, string> = {},
  options: ApiAppOptions & {
    /** Rewrites the fresh database's variables (e.g. to reach it through a proxy). */
    databaseEnv?: (env: Record<string, string>) => Record<string, string>;
    /** Another instance's database, shared instead of a fresh one. */
    database?: TestDatabase;
  } = {},
): Promise<TestApp> {
  const database = options.database ?? (await createTestDatabase());
  const databaseEnv = options.databaseEnv ? options.databaseEnv(database.env) : database.env;
  // Queues of their own, removed on close, when the suite runs against Redis.
  const queuePrefix = overrides.QUEUE_PREFIX ?? uniqueQueuePrefix();
  const config = AppConfig.fromEnvironment({
    ...TEST_ENV,
    ...databaseEnv,
    QUEUE_PREFIX: queuePrefix,
    ...overrides,
  });
  const app = await createApiApp(config, options);
  return {
    app,
    config,
    database,
    async request({ method, url, body, token, headers = {} }) {
      const response = await app.inject({
        method,
        url,
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
        headers: {
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...headers,
        },
      });
      let parsed: unknown = response.body;
      try {
        parsed = JSON.parse(response.body);
      } catch {
        // not JSON: keep the text
      }
      return { status: response.statusCode, body: parsed, headers: response.headers };
    },
    async listen() {
      await app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = app.getHttpServer().address() as { port: number };
      return { http: `http://127.0.0.1:${port}`, ws: `ws://127.0.0.1:${port}` };
    },
    async close() {
      await app.close();
      if (!options.database) await database.drop();
      if (!overrides.QUEUE_PREFIX) await deleteQueueKeys(queuePrefix, config.env.REDIS_URL);
    },
  };
}

import { createHash, timingSafeEqual } from 'node:crypto';
import type { INestApplication } from '@nestjs/common';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig } from '../../config/app-config';
import { queueToken, QUEUES } from './queue-catalog';

export const QUEUE_DASHBOARD_PATH = '/admin/queues';

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

/** True when the Basic credentials of `header` are `username:password` (compared in constant time). */
export function basicCredentialsMatch(
  header: string | undefined,
  username: string,
  password: string,
): boolean {
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header ?? '');
  if (!match) return false;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const separator = decoded.indexOf(':');
  if (separator < 0) return false;
  const userOk = timingSafeEqual(digest(decoded.slice(0, separator)), digest(username));
  const passwordOk = timingSafeEqual(digest(decoded.slice(separator + 1)), digest(password));
  return userOk && passwordOk;
}

/**
 * Bull Board for operators at /admin/queues, behind HTTP Basic authentication with ADMIN_USERNAME and
 * ADMIN_PASSWORD. Mounted only when Redis and the admin credentials are configured; returns whether it
 * was. Call before the app is initialised.
 */
export async function mountQueueDashboard(app: INestApplication, config: AppConfig): Promise<boolean> {
  const { REDIS_URL, ADMIN_USERNAME: username, ADMIN_PASSWORD: password } = config.env;
  if (!REDIS_URL || !username || !password) return false;
  // Bull Board (with @fastify/static and its views) is loaded only when mounted (docs/performance.md).
  /* eslint-disable @typescript-eslint/no-require-imports -- deliberately lazy, see above */
  const { createBullBoard } = require('@bull-board/api') as typeof import('@bull-board/api');
  const { BullMQAdapter } =
    require('@bull-board/api/bullMQAdapter') as typeof import('@bull-board/api/bullMQAdapter');
  const { FastifyAdapter } = require('@bull-board/fastify') as typeof import('@bull-board/fastify');
  /* eslint-enable @typescript-eslint/no-require-imports */
  const serverAdapter = new FastifyAdapter();
  serverAdapter.setBasePath(QUEUE_DASHBOARD_PATH);
  createBullBoard({
    queues: Object.values(QUEUES).map(
      (name) => new BullMQAdapter(app.get<Queue>(queueToken(name), { strict: false })),
    ),
    serverAdapter,
    options: { uiConfig: { boardTitle: 'FluentPro queues' } },
  });
  const fastify = app.getHttpAdapter().getInstance() as FastifyInstance;
  await fastify.register(async (scope: FastifyInstance) => {
    scope.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
      if (basicCredentialsMatch(request.headers.authorization, username, password)) return;
      await reply
        .code(401)
        .header('www-authenticate', 'Basic realm="FluentPro queues", charset="UTF-8"')
        .send({ error: 'Authentication required', message: 'Admin credentials are required' });
    });
    await scope.register(serverAdapter.registerPlugin(), { prefix: QUEUE_DASHBOARD_PATH });
  });
  return true;
}

import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit, startTracing } from '@fluentpro/shared';
import { lowerThreadpoolPriority } from './threadpool';

export interface StartOptions {
  /** libuv's threadpool threads, noted by main.ts before anything could start the pool. */
  poolThreads?: readonly number[];
}

/**
 * Configures, builds and starts the API; resolves once it listens. SIGTERM/SIGINT shut it down
 * gracefully. Run by main.ts, from the bundle that `npm run build` makes of this file or as compiled.
 */
export async function startServer(options: StartOptions = {}): Promise<void> {
  const config = loadConfigOrExit();
  // Hashing on the threadpool must not delay the event loop (docs/performance.md).
  const threadpool = lowerThreadpoolPriority(options.poolThreads ?? [], config.env.THREADPOOL_NICE);
  // Tracing (only when OTEL_EXPORTER_OTLP_ENDPOINT is set) must start before Fastify, pg and ioredis
  // are loaded, so the application is required only afterwards.
  startTracing(config, 'api');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createApiApp } = require('./bootstrap') as typeof import('./bootstrap');
  const logger = new Logger('Bootstrap');
  const app = await createApiApp(config);
  await app.listen({ port: config.env.PORT, host: config.env.HOST });
  logger.log(`FluentPro API listening on ${await app.getUrl()} (docs at /api/docs)`);
  logger.log(threadpool);

  // Graceful shutdown: stop accepting, let in-flight requests finish, close the database, exit 0.
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.log(`${signal} received: finishing in-flight requests`);
    const deadline = setTimeout(() => {
      logger.error(`Shutdown took longer than ${config.env.SHUTDOWN_TIMEOUT_MS} ms; exiting`);
      process.exit(1);
    }, config.env.SHUTDOWN_TIMEOUT_MS);
    deadline.unref();
    // Connections whose request was in flight at close() stay open (keep-alive) once answered; reap
    // them as they turn idle so the server can close without waiting for clients to hang up.
    const server = app.getHttpServer();
    setInterval(() => server.closeIdleConnections(), 50).unref();
    app
      .close()
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        logger.error('Shutdown failed', error);
        process.exit(1);
      });
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

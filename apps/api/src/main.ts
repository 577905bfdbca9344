import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit, startTracing } from '@fluentpro/shared';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // Tracing (only when OTEL_EXPORTER_OTLP_ENDPOINT is set) must start before Fastify, pg and ioredis
  // are loaded, so the application is required only afterwards.
  startTracing(config, 'api');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createApiApp } = require('./bootstrap') as typeof import('./bootstrap');
  const app = await createApiApp(config);
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      // Nest closes the app on the signal; a stuck request or connection must not hold the pod forever.
      setTimeout(() => process.exit(1), config.env.SHUTDOWN_TIMEOUT_MS).unref();
    });
  }
  await app.listen({ port: config.env.PORT, host: config.env.HOST });
  new Logger('Bootstrap').log(`FluentPro API listening on ${await app.getUrl()} (docs at /api/docs)`);
}

main().catch((error: unknown) => {
  console.error('FluentPro API failed to start:', error);
  process.exit(1);
});

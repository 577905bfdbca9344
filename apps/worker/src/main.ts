import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit, startTracing } from '@fluentpro/shared';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  // Tracing (only when OTEL_EXPORTER_OTLP_ENDPOINT is set) must start before pg and ioredis are
  // loaded, so the worker is required only afterwards (as the API's server.ts does).
  startTracing(config, 'worker');
  const { createWorkerApp, WorkerRefusedToStartError } =
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('./bootstrap') as typeof import('./bootstrap');
  try {
    const app = await createWorkerApp(config);
    // SIGTERM/SIGINT: stop taking jobs, let the running ones finish, close connections, then exit
    // through process.exit, so pino's asynchronous writer flushes the last lines.
    app.enableShutdownHooks(['SIGTERM', 'SIGINT'], { useProcessExit: true });
    new Logger('Bootstrap').log('FluentPro worker started');
  } catch (error) {
    if (error instanceof WorkerRefusedToStartError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

main().catch((error: unknown) => {
  console.error('FluentPro worker failed to start:', error);
  process.exit(1);
});

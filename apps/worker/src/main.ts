import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { loadConfigOrExit } from '@fluentpro/shared';
import { createWorkerApp, WorkerRefusedToStartError } from './bootstrap';

async function main(): Promise<void> {
  const config = loadConfigOrExit();
  try {
    const app = await createWorkerApp(config);
    // SIGTERM/SIGINT: stop taking jobs, let the running ones finish, close connections, exit.
    app.enableShutdownHooks(['SIGTERM', 'SIGINT']);
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

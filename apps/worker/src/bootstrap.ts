import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { AppConfig, createAppLogger } from '@fluentpro/shared';
import { ContextModules, WorkerModule, workerContexts } from './worker.module';
import { WorkerRunner } from './worker-runner';

export class WorkerRefusedToStartError extends Error {
  constructor(readonly problems: string[]) {
    super(`The worker refuses to start:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'WorkerRefusedToStartError';
  }
}

/**
 * Builds and starts the worker (used by main.ts and the tests): an application context without HTTP
 * that consumes the BullMQ queues. It needs REDIS_URL (without Redis the API runs the handlers
 * in-process) and refuses to start when a job of the queue catalog has no handler.
 */
export async function createWorkerApp(
  config: AppConfig,
  contexts: ContextModules = workerContexts(config),
): Promise<INestApplicationContext> {
  if (!config.env.REDIS_URL) {
    throw new WorkerRefusedToStartError([
      'REDIS_URL is not set: the worker consumes BullMQ queues (without Redis the API runs every handler in-process)',
    ]);
  }
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, contexts), {
    logger: createAppLogger(config, 'FluentPro Worker'),
    abortOnError: false,
  });
  const runner = app.get(WorkerRunner);
  const problems = runner.problems();
  if (problems.length > 0) {
    await app.close();
    throw new WorkerRefusedToStartError(problems);
  }
  await runner.start();
  return app;
}

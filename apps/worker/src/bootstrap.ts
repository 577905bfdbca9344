import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AppConfig, createLogger } from '@fluentpro/shared';
import { ContextModules, WorkerModule, workerContexts } from './worker.module';
import { WorkerRunner } from './worker-runner';

export class WorkerRefusedToStartError extends Error {
  constructor(readonly problems: string[]) {
    super(`The worker refuses to start:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
    this.name = 'WorkerRefusedToStartError';
  }
}

export interface WorkerAppOptions {
  /** Where log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
}

/**
 * Builds and starts the worker (used by main.ts and the tests): an application context that consumes
 * the BullMQ queues, logs JSON lines like the API and serves its probes and metrics on METRICS_PORT.
 * It needs REDIS_URL (without Redis the API runs the handlers in-process) and refuses to start when a
 * job of the queue catalog has no handler.
 */
export async function createWorkerApp(
  config: AppConfig,
  contexts: ContextModules = workerContexts(config),
  options: WorkerAppOptions = {},
): Promise<INestApplicationContext> {
  if (!config.env.REDIS_URL) {
    throw new WorkerRefusedToStartError([
      'REDIS_URL is not set: the worker consumes BullMQ queues (without Redis the API runs every handler in-process)',
    ]);
  }
  const logger = createLogger(config, 'worker', { destination: options.logDestination });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, contexts, logger), {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  const runner = app.get(WorkerRunner);
  const problems = runner.problems();
  if (problems.length > 0) {
    await app.close();
    throw new WorkerRefusedToStartError(problems);
  }
  await runner.start();
  return app;
}

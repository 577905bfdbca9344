import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import type { Worker } from 'bullmq';
import {
  AppConfig,
  describeError,
  findUnhandledJobs,
  HandlerDiscovery,
  MaintenanceScheduler,
} from '@fluentpro/shared';
import { IntegrationEventsProcessor } from './processors/integration-events.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';

/**
 * Starts the BullMQ workers once the wiring is known to be complete (every job has a handler), with
 * WORKER_CONCURRENCY, and stops them on shutdown: no new job is taken, the running ones finish (up to
 * SHUTDOWN_TIMEOUT_MS) before the database connection closes.
 */
@Injectable()
export class WorkerRunner implements OnModuleDestroy {
  private readonly logger = new Logger('Worker');

  constructor(
    private readonly events: IntegrationEventsProcessor,
    private readonly maintenance: MaintenanceProcessor,
    private readonly discovery: HandlerDiscovery,
    private readonly scheduler: MaintenanceScheduler,
    private readonly config: AppConfig,
  ) {}

  private get workers(): Worker[] {
    return [this.events.worker, this.maintenance.worker];
  }

  /** What keeps the worker from starting; empty when every job of the catalog has a handler. */
  problems(): string[] {
    return findUnhandledJobs(this.discovery.eventHandlers(), this.discovery.maintenanceTasks());
  }

  async start(): Promise<void> {
    this.events.worker.concurrency = this.config.env.WORKER_CONCURRENCY;
    this.maintenance.worker.concurrency = 1;
    for (const worker of this.workers) {
      worker.on('error', (error) => this.logger.error(`Queue ${worker.name}: ${describeError(error)}`));
      worker
        .run()
        .catch((error: unknown) =>
          this.logger.error(`Queue ${worker.name} stopped: ${describeError(error)}`),
        );
    }
    await this.scheduler.registerJobSchedulers();
    const handlers = this.discovery
      .eventHandlers()
      .map((handler) => `${handler.name} <- ${handler.eventType}`);
    this.logger.log(
      `Consuming ${this.workers.map((worker) => worker.name).join(', ')} ` +
        `(concurrency ${this.config.env.WORKER_CONCURRENCY}); handlers: ${handlers.join(', ') || 'none'}`,
    );
  }

  async onModuleDestroy(): Promise<void> {
    const timeoutMs = this.config.env.SHUTDOWN_TIMEOUT_MS;
    let timer: NodeJS.Timeout | undefined;
    const closed = Promise.all(this.workers.map((worker) => worker.close()));
    const outcome = await Promise.race([
      closed.then(() => 'closed' as const),
      new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs))),
    ]);
    clearTimeout(timer);
    if (outcome === 'timeout')
      this.logger.warn(`Jobs still running after ${timeoutMs} ms; BullMQ will retry them as stalled`);
    else this.logger.log('Workers stopped; running jobs finished');
  }
}

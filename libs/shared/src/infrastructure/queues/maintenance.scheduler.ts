import { Inject, Injectable, OnApplicationBootstrap, OnModuleDestroy, Optional } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { MAINTENANCE_JOB_NAMES, queueToken, QUEUES } from './queue-catalog';
import { MaintenanceRunner } from './maintenance.runner';

export type EventsRole = 'api' | 'worker';

/** How EventsModule was set up: which process this is. */
export class EventsOptions {
  constructor(readonly role: EventsRole) {}
}

/**
 * Schedules the maintenance jobs every MAINTENANCE_INTERVAL_MINUTES: as BullMQ job schedulers (one per
 * job, idempotent, so any number of workers may register them) when Redis is configured, otherwise
 * on a timer in the API process.
 */
@Injectable()
export class MaintenanceScheduler implements OnApplicationBootstrap, OnModuleDestroy {
  private timer?: NodeJS.Timeout;
  private runs = 0;

  constructor(
    private readonly runner: MaintenanceRunner,
    private readonly config: AppConfig,
    private readonly options: EventsOptions,
    @Optional() @Inject(queueToken(QUEUES.maintenance)) private readonly queue?: Queue,
  ) {}

  private get intervalMs(): number {
    return this.config.env.MAINTENANCE_INTERVAL_MINUTES * 60_000;
  }

  onApplicationBootstrap(): void {
    if (this.queue || this.options.role !== 'api') return;
    this.timer = setInterval(() => void this.runner.runAll(`timer-${++this.runs}`), this.intervalMs);
    this.timer.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
  }

  /** Called by the worker once it is ready to consume. */
  async registerJobSchedulers(): Promise<void> {
    if (!this.queue) throw new Error('BullMQ job schedulers need REDIS_URL');
    for (const name of MAINTENANCE_JOB_NAMES) {
      await this.queue.upsertJobScheduler(name, { every: this.intervalMs }, { name, data: {} });
    }
  }
}

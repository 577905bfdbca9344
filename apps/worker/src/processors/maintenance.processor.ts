import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { MaintenanceRunner, QUEUES, QueueJobData } from '@fluentpro/shared';

/** Turns a scheduled `maintenance` job into a run of the task of that name. */
@Processor(QUEUES.maintenance, { autorun: false })
export class MaintenanceProcessor extends WorkerHost {
  constructor(private readonly runner: MaintenanceRunner) {
    super();
  }

  async process(job: Job<QueueJobData['maintenance']>): Promise<number> {
    return this.runner.run(job.name, job.id ?? 'unknown');
  }
}

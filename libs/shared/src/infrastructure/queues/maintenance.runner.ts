import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../domain/clock';
import { RequestContext } from '../../application/request-context';
import { HandlerDiscovery } from '../outbox/handler-discovery';

/** Runs one maintenance job by name under its own correlation id, in the API (embedded) or the worker. */
@Injectable()
export class MaintenanceRunner {
  private readonly logger = new Logger('Maintenance');

  constructor(
    private readonly discovery: HandlerDiscovery,
    private readonly clock: Clock,
  ) {}

  async run(jobName: string, runId: string): Promise<number> {
    const task = this.discovery.maintenanceTasks().find((candidate) => candidate.jobName === jobName);
    if (!task) throw new Error(`No maintenance task handles the job "${jobName}"`);
    return RequestContext.run(`maintenance:${jobName}:${runId}`, async () => {
      const removed = await task.run(this.clock.now());
      this.logger.log(`${jobName}: ${removed} record(s) removed`);
      return removed;
    });
  }

  async runAll(runId: string): Promise<void> {
    for (const task of this.discovery.maintenanceTasks()) {
      try {
        await this.run(task.jobName, runId);
      } catch (error) {
        this.logger.error(
          `${task.jobName} failed: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }
  }
}

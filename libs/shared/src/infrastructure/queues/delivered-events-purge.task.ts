import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { MAINTENANCE_JOBS, MaintenanceTask } from '../../application/maintenance-task';
import { EventInbox } from '../outbox/event-inbox';
import { OutboxStore } from '../outbox/outbox.store';

/** Deletes sent outbox rows and processed-event records older than RETENTION_DAYS. Dead letters stay. */
@Injectable()
export class DeliveredEventsPurgeTask extends MaintenanceTask {
  readonly jobName = MAINTENANCE_JOBS.purgeDeliveredEvents;

  constructor(
    private readonly outbox: OutboxStore,
    private readonly inbox: EventInbox,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async run(now: Date): Promise<number> {
    const before = new Date(now.getTime() - this.config.env.RETENTION_DAYS * 86_400_000);
    return (await this.outbox.purgeSent(before)) + (await this.inbox.purgeProcessed(before));
  }
}

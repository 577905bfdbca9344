import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { describeError } from '../outbox/event-dispatcher';
import { DeliveryResult, EventPublisher, PublishUnavailableError } from '../outbox/event-publisher';
import type { ClaimedMessage } from '../outbox/outbox.store';
import { QUEUES } from './queue-catalog';

/**
 * Publishes outbox rows as `integration-events` jobs named after the event type, with jobId = event
 * id, so a row published twice (a lease that ran out, a timeout after Redis did take the job) is one
 * job. A publish that fails or takes longer than OUTBOX_PUBLISH_TIMEOUT_MS leaves the rows pending
 * (PublishUnavailableError: the relay pauses and tries again with backoff).
 */
@Injectable()
export class BullMqEventPublisher extends EventPublisher {
  readonly mode = 'bullmq';

  constructor(
    @InjectQueue(QUEUES.integrationEvents) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async deliver(messages: ClaimedMessage[]): Promise<DeliveryResult[]> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`publishing took over ${this.config.env.OUTBOX_PUBLISH_TIMEOUT_MS} ms`)),
        this.config.env.OUTBOX_PUBLISH_TIMEOUT_MS,
      );
    });
    const publishing = this.queue.addBulk(
      messages.map(({ event }) => ({ name: event.type, data: event, opts: { jobId: event.id } })),
    );
    // After a timeout the command may still complete once Redis is back: harmless (same jobIds).
    publishing.catch(() => undefined);
    try {
      await Promise.race([publishing, timeout]);
      return messages.map(() => ({ outcome: 'delivered' }));
    } catch (error) {
      throw new PublishUnavailableError(describeError(error));
    } finally {
      clearTimeout(timer);
    }
  }

  /** The failed job keeps its id (= the event id) until the retention ends: it goes first. */
  override async prepareRedelivery(eventId: string): Promise<void> {
    const job = await this.queue.getJob(eventId);
    if (job && (await job.isFailed())) await job.remove();
  }
}

import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { describeError } from '../outbox/event-dispatcher';
import { DeliveryResult, EventPublisher } from '../outbox/event-publisher';
import type { ClaimedMessage } from '../outbox/outbox.store';
import { QUEUES } from './queue-catalog';

/**
 * Publishes outbox rows as `integration-events` jobs named after the event type, with jobId = event
 * id, so a row published twice (a lease that ran out, a timeout after Redis did take the job) is one
 * job. A publish that fails or takes longer than OUTBOX_PUBLISH_TIMEOUT_MS leaves the rows pending.
 */
@Injectable()
export class BullMqEventPublisher extends EventPublisher {
  readonly mode = 'bullmq';
  private readonly logger = new Logger('OutboxRelay');
  private redisDown = false;

  constructor(
    @InjectQueue(QUEUES.integrationEvents) private readonly queue: Queue,
    private readonly config: AppConfig,
  ) {
    super();
    queue.on('error', (error) => {
      if (!this.redisDown) this.logger.warn(`Redis connection problem: ${describeError(error)}`);
      this.redisDown = true;
    });
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
      if (this.redisDown) this.logger.log('Redis is reachable again: publishing resumed');
      this.redisDown = false;
      return messages.map(() => ({ outcome: 'delivered' }));
    } catch (error) {
      const reason = describeError(error);
      return messages.map(() => ({ outcome: 'retry', error: reason }));
    } finally {
      clearTimeout(timer);
    }
  }
}

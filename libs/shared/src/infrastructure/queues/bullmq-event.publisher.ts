import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { ConflictError, ServiceUnavailableError } from '../../domain/domain-error';
import { describeError } from '../outbox/event-dispatcher';
import { DeliveryResult, EventPublisher, PublishUnavailableError } from '../outbox/event-publisher';
import type { ClaimedMessage } from '../outbox/outbox.store';
import { withTimeout } from '../with-timeout';
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
    const publishing = this.queue.addBulk(
      messages.map(({ event }) => ({ name: event.type, data: event, opts: { jobId: event.id } })),
    );
    try {
      await this.withinTimeout(publishing, 'publishing');
      return messages.map(() => ({ outcome: 'delivered' }));
    } catch (error) {
      throw new PublishUnavailableError(describeError(error));
    }
  }

  /**
   * The failed job keeps its id (= the event id) until the retention ends, and a finished one too:
   * either goes first. A job still waiting or running would swallow the new publish as a duplicate,
   * so that replay is refused (409) until it has failed.
   */
  override async prepareRedelivery(eventId: string): Promise<void> {
    try {
      const job = await this.withinTimeout(this.queue.getJob(eventId), 'reading the job');
      const state = job ? await this.withinTimeout(job.getState(), 'reading the job') : 'unknown';
      if (state === 'failed' || state === 'completed') {
        await this.withinTimeout(job!.remove(), 'removing the job');
      } else if (state !== 'unknown') {
        throw new ConflictError(
          'Job not finished',
          `The job of this event is ${state}; replay it once it has failed`,
        );
      }
    } catch (error) {
      if (error instanceof ConflictError) throw error;
      throw new ServiceUnavailableError(`The job queue cannot be reached: ${describeError(error)}`, 5);
    }
  }

  /** `operation`, or an error once it takes longer than OUTBOX_PUBLISH_TIMEOUT_MS (it may still complete). */
  private withinTimeout<T>(operation: Promise<T>, what: string): Promise<T> {
    const ms = this.config.env.OUTBOX_PUBLISH_TIMEOUT_MS;
    return withTimeout(operation, ms, `${what} took over ${ms} ms`);
  }
}

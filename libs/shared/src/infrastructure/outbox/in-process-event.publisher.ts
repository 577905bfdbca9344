import { Injectable } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { describeError, EventDispatcher, EventHandlingFailedError } from './event-dispatcher';
import { DeliveryResult, EventPublisher } from './event-publisher';
import type { ClaimedMessage } from './outbox.store';

/**
 * Embedded mode (no REDIS_URL): the relay hands each committed event, in outbox order, to the same
 * dispatcher the worker uses, with the same attempts, backoff (the relay's) and dead letters.
 */
@Injectable()
export class InProcessEventPublisher extends EventPublisher {
  readonly mode = 'in-process';

  constructor(
    private readonly dispatcher: EventDispatcher,
    private readonly config: AppConfig,
  ) {
    super();
  }

  async deliver(messages: ClaimedMessage[]): Promise<DeliveryResult[]> {
    const results: DeliveryResult[] = [];
    for (const message of messages) {
      try {
        await this.dispatcher.dispatch(message.event, {
          number: message.attempts + 1,
          max: this.config.env.JOB_ATTEMPTS,
        });
        results.push({ outcome: 'delivered' });
      } catch (error) {
        const deadLettered = error instanceof EventHandlingFailedError && error.deadLettered;
        results.push({ outcome: deadLettered ? 'dead-lettered' : 'retry', error: describeError(error) });
      }
    }
    return results;
  }
}

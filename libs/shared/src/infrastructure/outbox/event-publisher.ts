import type { ClaimedMessage } from './outbox.store';

export type DeliveryResult =
  | { outcome: 'delivered' }
  | { outcome: 'retry'; error: string }
  | { outcome: 'dead-lettered'; error: string };

/** The transport itself failed (Redis unreachable): nothing of the batch was delivered. */
export class PublishUnavailableError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'PublishUnavailableError';
  }
}

/**
 * Where the relay sends claimed outbox rows: to BullMQ when REDIS_URL is set, otherwise straight to
 * the handlers in this process. Returns one result per message, in order (`retry` for a message whose
 * handling failed), or throws PublishUnavailableError when the transport is down.
 */
export abstract class EventPublisher {
  abstract readonly mode: 'bullmq' | 'in-process';
  abstract deliver(messages: ClaimedMessage[]): Promise<DeliveryResult[]>;

  /**
   * Called before a dead-lettered event is published again (an admin's replay): a transport that
   * takes a second delivery of an event for a duplicate forgets its failed one. Nothing to forget by
   * default.
   */
  prepareRedelivery(_eventId: string): Promise<void> {
    return Promise.resolve();
  }
}

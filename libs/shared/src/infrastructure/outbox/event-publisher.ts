import type { ClaimedMessage } from './outbox.store';

export type DeliveryResult =
  | { outcome: 'delivered' }
  | { outcome: 'retry'; error: string }
  | { outcome: 'dead-lettered'; error: string };

/**
 * Where the relay sends claimed outbox rows: to BullMQ when REDIS_URL is set, otherwise straight to
 * the handlers in this process. Returns one result per message, in order.
 */
export abstract class EventPublisher {
  abstract readonly mode: 'bullmq' | 'in-process';
  abstract deliver(messages: ClaimedMessage[]): Promise<DeliveryResult[]>;
}

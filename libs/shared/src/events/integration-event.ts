import { randomUUID } from 'node:crypto';
import { RequestContext } from '../application/request-context';

/**
 * The envelope every integration event travels in (ARCHITECTURE.md): written to the outbox in the
 * command's transaction, published to a queue with jobId = id, consumed idempotently by id.
 */
export interface IntegrationEvent<TType extends string = string, TPayload = unknown> {
  id: string;
  /** `<context>.<event-name>.v<version>`, e.g. `authentication.user-registered.v1`. */
  type: TType;
  /** ISO 8601 UTC. */
  occurredAt: string;
  /** The request that caused it, carried into the worker's log lines. */
  correlationId: string | null;
  payload: TPayload;
}

/** A new envelope; the correlation id defaults to the current request's (RequestContext). */
export function createIntegrationEvent<TType extends string, TPayload>(
  type: TType,
  payload: TPayload,
  options: { correlationId?: string | null; occurredAt?: Date } = {},
): IntegrationEvent<TType, TPayload> {
  return {
    id: randomUUID(),
    type,
    occurredAt: (options.occurredAt ?? new Date()).toISOString(),
    correlationId: options.correlationId ?? RequestContext.correlationId(),
    payload,
  };
}

/**
 * Records events in the transactional outbox. Call it inside UnitOfWork.run so the rows commit or
 * roll back with the aggregate; a relay delivers them after commit.
 */
export abstract class EventOutbox {
  abstract record(...events: IntegrationEvent[]): Promise<void>;
}

/**
 * A consumer of one event type. Handlers are plain Nest providers extending this class; the events
 * module discovers them, runs them in-process (embedded mode) or from BullMQ in the worker, and
 * guarantees each (handler, event id) pair is processed once.
 */
export abstract class IntegrationEventHandler<E extends IntegrationEvent = IntegrationEvent> {
  /** Stable name used for idempotency records and queue names, e.g. `onboarding.create-profile`. */
  abstract readonly name: string;
  abstract readonly eventType: E['type'];
  abstract handle(event: E): Promise<void>;
}

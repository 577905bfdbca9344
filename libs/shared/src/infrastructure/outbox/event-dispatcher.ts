import { Injectable, Logger } from '@nestjs/common';
import { Clock } from '../../domain/clock';
import { RequestContext } from '../../application/request-context';
import type { IntegrationEvent } from '../../events/integration-event';
import { EventInbox } from './event-inbox';
import { HandlerDiscovery } from './handler-discovery';

export interface DeliveryAttempt {
  /** 1 for the first delivery. */
  number: number;
  /** The last attempt; a handler still failing then is dead-lettered. */
  max: number;
}

/** One or more handlers failed; `deadLettered` when that was the last attempt. */
export class EventHandlingFailedError extends Error {
  constructor(
    readonly event: IntegrationEvent,
    readonly failures: { handler: string; error: string }[],
    readonly deadLettered: boolean,
  ) {
    super(
      `${event.type} ${event.id}: ${failures.map((f) => `${f.handler} failed: ${f.error}`).join('; ')}` +
        (deadLettered ? ' (dead-lettered)' : ''),
    );
    this.name = 'EventHandlingFailedError';
  }
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

/**
 * Delivers one event to every handler of its type, the same way in the API (embedded mode) and in the
 * worker (BullMQ): under the event's correlation id, each handler at most once (EventInbox), failures
 * collected so the others still run, and a dead letter per handler still failing at the last attempt.
 */
@Injectable()
export class EventDispatcher {
  private readonly logger = new Logger('Events');

  constructor(
    private readonly handlers: HandlerDiscovery,
    private readonly inbox: EventInbox,
    private readonly clock: Clock,
  ) {}

  dispatch(event: IntegrationEvent, attempt: DeliveryAttempt): Promise<void> {
    return RequestContext.run(event.correlationId ?? event.id, () => this.deliver(event, attempt));
  }

  private async deliver(event: IntegrationEvent, attempt: DeliveryAttempt): Promise<void> {
    const failures: { handler: string; error: string }[] = [];
    for (const handler of this.handlers.handlersFor(event.type)) {
      const started = performance.now();
      try {
        const ran = await this.inbox.runOnce(handler.name, event.id, this.clock.now(), () =>
          handler.handle(event),
        );
        const took = Math.round(performance.now() - started);
        this.logger.log(
          ran
            ? `${handler.name} handled ${event.type} ${event.id} in ${took} ms (attempt ${attempt.number}/${attempt.max})`
            : `${handler.name} already handled ${event.type} ${event.id}: duplicate delivery skipped`,
        );
      } catch (error) {
        failures.push({ handler: handler.name, error: describeError(error) });
        this.logger.warn(
          `${handler.name} failed on ${event.type} ${event.id} (attempt ${attempt.number}/${attempt.max}): ${describeError(error)}`,
        );
      }
    }
    if (failures.length === 0) return;
    const final = attempt.number >= attempt.max;
    if (final) {
      for (const failure of failures) {
        await this.inbox.deadLetter(event, failure.handler, failure.error, attempt.number, this.clock.now());
        this.logger.error(`${failure.handler} gave up on ${event.type} ${event.id}: dead letter recorded`);
      }
    }
    throw new EventHandlingFailedError(event, failures, final);
  }
}

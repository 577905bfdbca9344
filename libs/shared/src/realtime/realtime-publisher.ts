import type { RealtimeEvent } from './realtime-event';

/**
 * Pushes an event to every WebSocket the user has open, in whichever API process holds it (through
 * Redis when REDIS_URL is set, in-process otherwise). Callable from the API, the worker and the CLI.
 *
 * Best effort, at most once: a user with no open socket simply misses it. Never throws: a failure
 * (Redis down, event too large) is logged and the caller's work goes on. Call it after the change it
 * announces has committed (`UnitOfWork.afterCommit`).
 */
export abstract class RealtimePublisher {
  abstract publish(userId: string, event: RealtimeEvent): Promise<void>;
}

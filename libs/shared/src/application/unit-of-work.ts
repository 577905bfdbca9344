/**
 * Runs work atomically: every repository call made inside `run` joins one transaction, and the
 * outbox rows written there commit or roll back with the aggregate.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>): Promise<T>;

  /**
   * Runs `effect` once the current transaction has committed (at once when there is none); never
   * when it rolls back. For best-effort notifications that must not announce what did not happen,
   * such as closing the WebSocket of a revoked session, or waking the outbox relay. A failing
   * effect is logged, never rethrown.
   */
  abstract afterCommit(effect: () => Promise<void> | void): void;
}

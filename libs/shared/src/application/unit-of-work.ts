/**
 * Runs work atomically: every repository call made inside `run` joins one transaction, and the
 * outbox rows written there commit or roll back with the aggregate.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>): Promise<T>;

  /**
   * Runs one write that is atomic by itself, such as a conditional UPDATE, without a transaction of
   * its own: inside `run` it joins the open transaction; otherwise it runs alone and commits at once,
   * saving the BEGIN and COMMIT round trips, while still never landing inside another caller's
   * transaction. Work of more than one statement, or that records outbox events, goes through `run`.
   */
  abstract runStatement<T>(statement: () => Promise<T>): Promise<T>;

  /**
   * Runs `effect` once the current transaction has committed (at once when there is none); never
   * when it rolls back. For best-effort notifications that must not announce what did not happen,
   * such as closing the WebSocket of a revoked session, or waking the outbox relay. A failing
   * effect is logged, never rethrown.
   */
  abstract afterCommit(effect: () => Promise<void> | void): void;
}

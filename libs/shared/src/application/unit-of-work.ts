/**
 * Runs work atomically: every repository call made inside `run` joins one transaction, and the
 * outbox rows written there commit or roll back with the aggregate.
 */
export abstract class UnitOfWork {
  abstract run<T>(work: () => Promise<T>): Promise<T>;
}

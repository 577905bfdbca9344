import { AsyncLocalStorage } from 'node:async_hooks';

interface Scope {
  correlationId: string | null;
  /** The unit of work's open transaction, opaque here (TypeOrmUnitOfWork). */
  transaction: object | undefined;
}

/**
 * The one AsyncLocalStorage of the process. Node 20 copies every enabled storage's store onto every new
 * promise and async resource, so the request context and the unit of work's transaction share this
 * one instead of having a storage each (docs/performance.md).
 */
const storage = new AsyncLocalStorage<Scope>();

/**
 * The correlation id of the work in progress: the HTTP request id in the API (set by a Fastify hook),
 * the event's correlation id in the worker. Integration events copy it into their envelope and every
 * log line prints it, so one request can be followed through the outbox, the queue and the worker.
 */
export const RequestContext = {
  /** Runs `work` with `correlationId`; an open transaction stays open inside it. */
  run<T>(correlationId: string, work: () => T): T {
    return storage.run({ correlationId, transaction: storage.getStore()?.transaction }, work);
  },

  correlationId(): string | null {
    return storage.getStore()?.correlationId ?? null;
  },
};

/**
 * The unit of work's slot in the same store. Not exported from the shared library's index: only
 * TypeOrmUnitOfWork may open or read a transaction scope, so no other scope can hide one.
 */
export const TransactionScope = {
  /** Runs `work` inside `transaction`, keeping the correlation id. */
  run<T>(transaction: object, work: () => T): T {
    return storage.run({ correlationId: storage.getStore()?.correlationId ?? null, transaction }, work);
  },

  /** The transaction `work` runs in, if any. */
  current(): object | undefined {
    return storage.getStore()?.transaction;
  },
};

import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestScope {
  correlationId: string;
}

const storage = new AsyncLocalStorage<RequestScope>();

/**
 * The correlation id of the work in progress: the HTTP request id in the API (set by a Fastify hook),
 * the event's correlation id in the worker. Integration events copy it into their envelope and every
 * log line prints it, so one request can be followed through the outbox, the queue and the worker.
 */
export const RequestContext = {
  run<T>(correlationId: string, work: () => T): T {
    return storage.run({ correlationId }, work);
  },

  correlationId(): string | null {
    return storage.getStore()?.correlationId ?? null;
  },
};

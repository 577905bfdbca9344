import { AsyncLocalStorage } from 'node:async_hooks';

/** What is known about the unit of work being served: an HTTP request, or a job restored in the worker. */
export interface RequestContext {
  /** The correlation id: `x-request-id` of the request that started the work. */
  readonly requestId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/**
 * Runs `work` with `context` as the current request: every log line written meanwhile carries its
 * `request_id`. The API enters it for each request; the worker enters it with the correlation id of
 * the job it processes.
 */
export function runInRequestContext<T>(context: RequestContext, work: () => T): T {
  return storage.run(context, work);
}

/** The correlation id of the request being served, if any (to copy into outbox rows and job data). */
export function currentRequestId(): string | undefined {
  return storage.getStore()?.requestId;
}

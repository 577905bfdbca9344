import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { MetricsRegistry } from './metrics.registry';
import { RequestContext } from '../../application/request-context';

/** The `route` label of requests that matched no route, so unknown URLs cannot explode the series. */
export const UNMATCHED_ROUTE = 'unmatched';

export interface HttpObservabilityOptions {
  /** Headers every answer carries, by request URL (security headers), set in the same hook. */
  responseHeaders?: (url: string) => Readonly<Record<string, string>>;
  /**
   * URLs answered without a log line, a metric or a request context (probes: called every few seconds
   * by the orchestrator, their lines and series would be noise). They still get the headers.
   */
  unobserved?: readonly string[];
}

/**
 * Per-request observability for a Fastify instance, in one `onRequest` and one `onResponse` hook (each
 * hook is work on every request: docs/performance.md):
 * - the answer gets `x-request-id` and the `responseHeaders` for its URL;
 * - the request runs in a request context, so every log line written while serving it carries its
 *   `request_id` (the root logger's mixin reads it; no child logger is made per request);
 * - one line per request when the response is sent: method, route template, status, duration.
 *   It is written through a child without redaction, as its fields are fixed and never secret;
 * - the `http_request_duration_seconds` histogram, labelled by route template, never by raw URL.
 */
export function installHttpObservability(
  fastify: FastifyInstance,
  metrics: MetricsRegistry,
  logger: Logger,
  options: HttpObservabilityOptions = {},
): void {
  const access = logger.child({}, { redact: [] });
  const { responseHeaders } = options;
  const unobserved = new Set(options.unobserved);
  fastify.addHook('onRequest', (request, reply, done) => {
    if (responseHeaders) void reply.headers(responseHeaders(request.url));
    void reply.header('x-request-id', request.id);
    if (unobserved.has(request.url)) done();
    else RequestContext.run(request.id, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    if (unobserved.has(request.url)) return done();
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const status = reply.statusCode;
    const milliseconds = reply.elapsedTime;
    metrics.observeHttp(request.method, route, status, milliseconds / 1000);
    const level = status >= 500 ? 'error' : 'info';
    if (access.isLevelEnabled(level)) {
      const line = {
        method: request.method,
        route,
        status,
        duration_ms: Math.round(milliseconds * 100) / 100,
      };
      access[level](line, 'request completed');
    }
    done();
  });
}

import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
import type { MetricsRegistry } from './metrics.registry';
import { RequestContext } from '../../application/request-context';

/** The `route` label of requests that matched no route, so unknown URLs cannot explode the series. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Per-request observability for a Fastify instance:
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
): void {
  const access = logger.child({}, { redact: [] });
  fastify.addHook('onRequest', (request, _reply, done) => {
    RequestContext.run(request.id, done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const status = reply.statusCode;
    const milliseconds = reply.elapsedTime;
    metrics.observeHttp(request.method, route, status, milliseconds / 1000);
    const line = { method: request.method, route, status, duration_ms: Math.round(milliseconds * 100) / 100 };
    if (status >= 500) access.error(line, 'request completed');
    else access.info(line, 'request completed');
    done();
  });
}

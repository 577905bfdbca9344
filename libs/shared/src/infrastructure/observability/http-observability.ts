import type { FastifyInstance } from 'fastify';
import type { Logger } from 'pino';
// nestjs-pino keeps the request's logger in this AsyncLocalStorage; binding it here instead of through
// its Nest middleware saves a middleware layer on every request.
import { Store, storage } from 'nestjs-pino/storage';
import type { MetricsRegistry } from './metrics.registry';

/** The `route` label of requests that matched no route, so unknown URLs cannot explode the series. */
export const UNMATCHED_ROUTE = 'unmatched';

/**
 * Per-request observability for a Fastify instance whose logger is the service's pino logger:
 * - every log line written while serving a request (Nest's Logger, PinoLogger) carries its
 *   `request_id`, through the logger Fastify made for the request;
 * - one line per request when the response is sent: method, route template, status, duration;
 * - the `http_request_duration_seconds` histogram, labelled by route template, never by raw URL.
 */
export function installHttpObservability(fastify: FastifyInstance, metrics: MetricsRegistry): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    storage.run(new Store(request.log as Logger), done);
  });
  fastify.addHook('onResponse', (request, reply, done) => {
    const route = request.routeOptions.url ?? UNMATCHED_ROUTE;
    const status = reply.statusCode;
    const milliseconds = reply.elapsedTime;
    metrics.observeHttp(request.method, route, status, milliseconds / 1000);
    const line = { method: request.method, route, status, duration_ms: Math.round(milliseconds * 100) / 100 };
    if (status >= 500) request.log.error(line, 'request completed');
    else request.log.info(line, 'request completed');
    done();
  });
}

// The floor of the stack: the smallest NestJS 11 + FastifyAdapter application, one controller answering
// GET /health/live with {"status":"ok"}, no plugins, no global pipes, no versioning, no hooks. The
// benchmark loads it beside the bare-Fastify baseline so the report shows how much of the API's gap
// the framework alone accounts for (what no change in the project's code can remove).
//
// V adds, one at a time or comma-separated, what the API has on top, to measure each one's cost
// (bench/experiments/cpu-per-request.sh; `npm run build` first for `headers` and `pipe`):
//   headers  the API's security headers + x-request-id, in one onRequest hook
//   reqid    a randomUUID request id          cors     @fastify/cors with origin: false
//   version  URI versioning + global prefix   als      an AsyncLocalStorage that has run once
//   pipe     the API's global validation pipe
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const { Controller, Get, Module, VersioningType, VERSION_NEUTRAL } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');

const variant = new Set((process.env.V ?? '').split(',').filter(Boolean));

class HealthController {
  live() {
    return { status: 'ok' };
  }
}
Get('live')(
  HealthController.prototype,
  'live',
  Object.getOwnPropertyDescriptor(HealthController.prototype, 'live'),
);
Controller(variant.has('version') ? { path: 'health', version: VERSION_NEUTRAL } : 'health')(
  HealthController,
);

class AppModule {}
Module({ controllers: [HealthController] })(AppModule);

const adapter = new FastifyAdapter({
  logger: false,
  ...(variant.has('reqid') ? { requestIdHeader: false, genReqId: () => randomUUID() } : {}),
});
const app = await NestFactory.create(AppModule, adapter, { logger: false });
if (variant.has('headers')) {
  const { API_SECURITY_HEADERS } = require('../dist/apps/api/src/security-headers.js');
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.headers(API_SECURITY_HEADERS).header('x-request-id', request.id);
      done();
    });
}
if (variant.has('cors')) app.enableCors({ origin: false, credentials: true });
if (variant.has('version')) {
  app.setGlobalPrefix('api', { exclude: ['health/live'] });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
}
if (variant.has('pipe')) {
  const { createValidationPipe } = require('../dist/libs/shared/src/index.js');
  app.useGlobalPipes(createValidationPipe());
}
if (variant.has('als')) new AsyncLocalStorage().run(1, () => undefined);
app.enableShutdownHooks();
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });

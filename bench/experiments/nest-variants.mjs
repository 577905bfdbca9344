// What each piece the API adds on top of a bare Nest app costs per request. One server per variant:
//   PORT=8201 V= node bench/experiments/nest-variants.mjs                 (the floor)
//   PORT=8202 V=headers node bench/experiments/nest-variants.mjs          (helmet headers + request id)
//   V=cors | reqid | version | als | pipe, or a comma-separated mix
// then `bash bench/experiments/cpu-per-request.sh <port> <pid> <seconds>` for the server's CPU per request,
// which the machine's other load disturbs far less than req/s. Needs `npm run build` first.
import { createRequire } from 'node:module';
import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
const require = createRequire(import.meta.url);
require('reflect-metadata');
const { Controller, Get, Module, VersioningType, VERSION_NEUTRAL } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');
const { securityHeaders, createValidationPipe } = require('../../dist/libs/shared/src/index.js');
const f = new Set((process.env.V ?? '').split(','));
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
Controller(f.has('version') ? { path: 'health', version: VERSION_NEUTRAL } : 'health')(HealthController);
class AppModule {}
Module({ controllers: [HealthController] })(AppModule);
const adapter = new FastifyAdapter({
  logger: false,
  ...(f.has('reqid') ? { requestIdHeader: false, genReqId: () => randomUUID() } : {}),
  routerOptions: { ignoreTrailingSlash: true },
});
const app = await NestFactory.create(AppModule, adapter, { logger: false });
if (f.has('headers')) {
  const headers = securityHeaders({});
  app
    .getHttpAdapter()
    .getInstance()
    .addHook('onRequest', (request, reply, done) => {
      void reply.headers(headers).header('x-request-id', request.id);
      done();
    });
}
if (f.has('cors'))
  app.enableCors({ origin: false, credentials: true, exposedHeaders: ['x-request-id', 'retry-after'] });
if (f.has('version')) {
  app.setGlobalPrefix('api', { exclude: ['health/live'] });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
}
if (f.has('pipe')) app.useGlobalPipes(createValidationPipe());
if (f.has('als')) {
  const als = new AsyncLocalStorage();
  als.run(1, () => {});
}
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });

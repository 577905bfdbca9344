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
class HealthController { live() { return { status: 'ok' }; } }
Get('live')(HealthController.prototype, 'live', Object.getOwnPropertyDescriptor(HealthController.prototype, 'live'));
Controller(f.has('version') ? { path: 'health', version: VERSION_NEUTRAL } : 'health')(HealthController);
class AppModule {}
Module({ controllers: [HealthController] })(AppModule);
const adapter = new FastifyAdapter({ logger: false, ...(f.has('reqid') ? { requestIdHeader: false, genReqId: () => randomUUID() } : {}), routerOptions: { ignoreTrailingSlash: true } });
const app = await NestFactory.create(AppModule, adapter, { logger: false });
if (f.has('headers')) {
  const headers = securityHeaders({});
  app.getHttpAdapter().getInstance().addHook('onRequest', (request, reply, done) => { void reply.headers(headers).header('x-request-id', request.id); done(); });
}
if (f.has('cors')) app.enableCors({ origin: false, credentials: true, exposedHeaders: ['x-request-id', 'retry-after'] });
if (f.has('version')) { app.setGlobalPrefix('api', { exclude: ['health/live'] }); app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' }); }
if (f.has('pipe')) app.useGlobalPipes(createValidationPipe());
if (f.has('als')) { const als = new AsyncLocalStorage(); als.run(1, () => {}); }
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });

// The floor of the stack: the smallest NestJS 11 + FastifyAdapter application, one controller answering
// GET /health/live with {"status":"ok"}, no plugins, no global pipes, no versioning, no hooks. The
// benchmark loads it beside the bare-Fastify baseline so the report shows how much of the API's gap
// the framework alone accounts for (what no change in the project's code can remove).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const { Controller, Get, Module } = require('@nestjs/common');
const { NestFactory } = require('@nestjs/core');
const { FastifyAdapter } = require('@nestjs/platform-fastify');

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
Controller('health')(HealthController);

class AppModule {}
Module({ controllers: [HealthController] })(AppModule);

const app = await NestFactory.create(AppModule, new FastifyAdapter({ logger: false }), { logger: false });
app.enableShutdownHooks();
await app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' });

import { randomUUID } from 'node:crypto';
import { VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { FastifyBaseLogger, LogController } from 'fastify';
import { Logger } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import {
  AppConfig,
  createLogger,
  createValidationPipe,
  installHttpObservability,
  MetricsRegistry,
  mountQueueDashboard,
} from '@fluentpro/shared';
import { ApiModule } from './api.module';
import { RealtimeWsAdapter } from './realtime/realtime-ws.adapter';
import { documentLivenessProbe, LIVENESS_PATH, registerLivenessProbe } from './health/liveness';
import { securityHeadersFor } from './security-headers';

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Routes outside `/api` (probes, metrics, JWKS). */
const UNPREFIXED = ['health/ready', 'metrics', '.well-known/jwks.json'];

export interface ApiAppOptions {
  /** Where log lines go instead of stdout (tests read them). */
  logDestination?: DestinationStream;
}

/** Builds the API application (not yet listening): used by server.ts, the tests and the benchmark. */
export async function createApiApp(
  config: AppConfig,
  options: ApiAppOptions = {},
): Promise<NestFastifyApplication> {
  // One pino logger for Fastify and for Nest (nestjs-pino).
  const logger = createLogger(config, 'api', { destination: options.logDestination });
  const adapter = new FastifyAdapter({
    bodyLimit: config.env.BODY_LIMIT_BYTES,
    trustProxy: config.env.TRUST_PROXY,
    routerOptions: { ignoreTrailingSlash: true },
    requestIdHeader: false,
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const header = request.headers['x-request-id'];
      return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
    },
    loggerInstance: logger,
    // The root logger serves every request: its mixin adds the request_id from the request context.
    childLoggerFactory: (parent: FastifyBaseLogger) => parent,
    // One line per request is written by installHttpObservability, not by Fastify.
    logController: new LogController({ requestIdLogLabel: 'request_id', disableRequestLogging: true }),
  });
  const app = await NestFactory.create<NestFastifyApplication>(ApiModule.forRoot(config, logger), adapter, {
    bufferLogs: true,
    abortOnError: false,
  });
  app.useLogger(app.get(Logger));
  app.flushLogs();
  // Request id, security headers (computed once) and request context in one hook (docs/performance.md).
  const fastify = app.getHttpAdapter().getInstance();
  installHttpObservability(fastify, app.get(MetricsRegistry), logger, {
    responseHeaders: securityHeadersFor,
    unobserved: [LIVENESS_PATH],
  });
  registerLivenessProbe(fastify);
  await mountQueueDashboard(app, config);
  // Without allowed origins CORS stays off: the plugin's per-request hook would only say so, at a
  // measurable cost on every request (docs/performance.md).
  if (config.corsOrigins.length > 0) {
    app.enableCors({
      origin: config.corsOrigins,
      credentials: true,
      exposedHeaders: ['x-request-id', 'retry-after'],
    });
  }
  app.setGlobalPrefix('api', { exclude: UNPREFIXED });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalPipes(createValidationPipe());
  // WebSocket gateway at /ws on the same HTTP server (docs/realtime.md).
  app.useWebSocketAdapter(new RealtimeWsAdapter(app, config));

  // Built on the first request to the console, not at boot (docs/performance.md: start-up time).
  const document = () =>
    documentLivenessProbe(
      SwaggerModule.createDocument(
        app,
        new DocumentBuilder()
          .setTitle('FluentPro API')
          .setDescription(
            'Authentication and onboarding for the FluentPro business-English app. Admin routes (tag ' +
              '"Admin") need the access token of an account with the admin role: log in, then Authorize. ' +
              'Real-time events: WebSocket at /ws (see docs/realtime.md).',
          )
          .setVersion('1.0.0')
          .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
          .build(),
      ),
    );
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });

  await app.init();
  return app;
}

import {
  BeforeApplicationShutdown,
  DynamicModule,
  Global,
  Logger as NestLogger,
  Module,
  OnApplicationBootstrap,
  OnApplicationShutdown,
  OnModuleInit,
} from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import type { DataSource } from 'typeorm';
import { AuthOutcomes } from '../../application/auth-outcomes';
import { AppConfig } from '../../config/app-config';
import { createLogger, ServiceName } from './logger';
import { metricsExposure, MetricsRegistry, PrometheusAuthOutcomes } from './metrics.registry';
import { OpsServer } from './ops-server';
import { DatabaseReadiness, ReadinessRegistry, RedisReadiness } from './readiness';
import { stopTracing } from './tracing';

export interface ObservabilityOptions {
  service: ServiceName;
  /** The root logger, when the caller made it already (the API gives the same one to Fastify). */
  logger?: Logger;
}

/** Registers the built-in readiness indicators and runs the ops port for the module's lifetime. */
class ObservabilityLifecycle
  implements OnModuleInit, OnApplicationBootstrap, BeforeApplicationShutdown, OnApplicationShutdown
{
  private readonly log = new NestLogger('Observability');
  private redis: RedisReadiness | undefined;

  constructor(
    private readonly config: AppConfig,
    private readonly readiness: ReadinessRegistry,
    private readonly opsServer: OpsServer,
    private readonly logger: Logger,
    private readonly dataSource: DataSource | undefined,
  ) {}

  onModuleInit(): void {
    if (this.dataSource) this.readiness.register(new DatabaseReadiness(this.dataSource));
    if (this.config.env.REDIS_URL) {
      this.redis = new RedisReadiness(this.config.env.REDIS_URL);
      this.readiness.register(this.redis);
    }
  }

  async onApplicationBootstrap(): Promise<void> {
    const exposure = metricsExposure(this.config);
    if (exposure.where === 'nowhere' && this.config.env.METRICS_ENABLED)
      this.log.warn(`/metrics is not served: ${exposure.reason}`);
    // The probes are served whenever METRICS_PORT is set: the orchestrator's probes (the worker has
    // no other port) must not depend on whether metrics are exposed.
    const port = this.config.env.METRICS_PORT;
    if (port === undefined) return;
    const bound = await this.opsServer.listen(port, this.config.env.METRICS_HOST);
    const what = exposure.where === 'separate-port' ? 'Metrics and probes' : 'Probes';
    this.log.log(`${what} on http://${this.config.env.METRICS_HOST}:${bound}`);
  }

  beforeApplicationShutdown(): void {
    this.readiness.beginShutdown();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.opsServer.close();
    this.redis?.close();
    await stopTracing();
    this.logger.flush();
  }
}

/**
 * Logging (nestjs-pino over one pino logger), Prometheus metrics, readiness indicators and the ops
 * port, for the API and the worker alike: `ObservabilityModule.forRoot({ service: 'worker' })`.
 * Exports MetricsRegistry (add metrics to `.registry`), ReadinessRegistry (add indicators),
 * AuthOutcomes (the auth-outcome counter) and nestjs-pino's Logger / PinoLogger.
 */
@Global()
@Module({})
export class ObservabilityModule {
  static forRoot(options: ObservabilityOptions): DynamicModule {
    const ROOT_LOGGER = 'fluentpro:root-logger';
    let root: Logger | undefined;
    const rootLogger = (config: AppConfig): Logger =>
      (root ??= options.logger ?? createLogger(config, options.service));
    return {
      module: ObservabilityModule,
      imports: [
        LoggerModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            // The request_id comes from the request context through the logger's mixin, so
            // nestjs-pino needs no per-request middleware or child logger.
            pinoHttp: { logger: rootLogger(config) },
            useExisting: true,
            forRoutes: [],
          }),
        }),
      ],
      providers: [
        {
          provide: ROOT_LOGGER,
          inject: [AppConfig],
          useFactory: rootLogger,
        },
        { provide: MetricsRegistry, useFactory: () => new MetricsRegistry(options.service) },
        {
          provide: AuthOutcomes,
          inject: [MetricsRegistry],
          useFactory: (metrics: MetricsRegistry) => new PrometheusAuthOutcomes(metrics),
        },
        {
          provide: ReadinessRegistry,
          inject: [AppConfig],
          useFactory: (config: AppConfig) => new ReadinessRegistry(config.env.READINESS_TIMEOUT_MS),
        },
        {
          provide: OpsServer,
          inject: [MetricsRegistry, ReadinessRegistry, AppConfig],
          useFactory: (metrics: MetricsRegistry, readiness: ReadinessRegistry, config: AppConfig) =>
            new OpsServer(
              metrics,
              readiness,
              config.env.METRICS_TOKEN,
              metricsExposure(config).where === 'separate-port',
            ),
        },
        {
          provide: ObservabilityLifecycle,
          inject: [
            AppConfig,
            ReadinessRegistry,
            OpsServer,
            ROOT_LOGGER,
            { token: getDataSourceToken(), optional: true },
          ],
          useFactory: (...args: ConstructorParameters<typeof ObservabilityLifecycle>) =>
            new ObservabilityLifecycle(...args),
        },
      ],
      exports: [MetricsRegistry, AuthOutcomes, ReadinessRegistry, OpsServer, LoggerModule],
    };
  }
}

/* eslint-disable @typescript-eslint/no-require-imports -- the SDK is loaded only when tracing is on */
import type { AppConfig } from '../../config/app-config';

export interface Tracing {
  /** Exports the spans still buffered and stops the SDK. */
  shutdown(): Promise<void>;
}

type LogMixin = () => Record<string, string>;
let logMixin: LogMixin | undefined;
let active: Tracing | undefined;

/** Adds `trace_id` and `span_id` to log lines while tracing is on; undefined (no cost) otherwise. */
export function traceLogMixin(): LogMixin | undefined {
  return logMixin;
}

/**
 * Starts OpenTelemetry when OTEL_EXPORTER_OTLP_ENDPOINT is set: spans for incoming and outgoing
 * HTTP, Nest handlers, PostgreSQL queries and Redis commands (BullMQ included), exported over
 * OTLP/HTTP. Call it before the application modules are loaded so the instrumentations can patch
 * them. With no endpoint nothing is loaded and nothing is patched: tracing costs nothing.
 */
export function startTracing(config: AppConfig, service: string): Tracing | undefined {
  const endpoint = config.env.OTEL_EXPORTER_OTLP_ENDPOINT;
  if (!endpoint) return undefined;

  const api = require('@opentelemetry/api') as typeof import('@opentelemetry/api');
  const { NodeTracerProvider, BatchSpanProcessor, ParentBasedSampler, TraceIdRatioBasedSampler } =
    require('@opentelemetry/sdk-trace-node') as typeof import('@opentelemetry/sdk-trace-node');
  const { OTLPTraceExporter } =
    require('@opentelemetry/exporter-trace-otlp-http') as typeof import('@opentelemetry/exporter-trace-otlp-http');
  const { resourceFromAttributes } =
    require('@opentelemetry/resources') as typeof import('@opentelemetry/resources');
  const { registerInstrumentations } =
    require('@opentelemetry/instrumentation') as typeof import('@opentelemetry/instrumentation');
  const { HttpInstrumentation } =
    require('@opentelemetry/instrumentation-http') as typeof import('@opentelemetry/instrumentation-http');
  const { PgInstrumentation } =
    require('@opentelemetry/instrumentation-pg') as typeof import('@opentelemetry/instrumentation-pg');
  const { IORedisInstrumentation } =
    require('@opentelemetry/instrumentation-ioredis') as typeof import('@opentelemetry/instrumentation-ioredis');
  const { NestInstrumentation } =
    require('@opentelemetry/instrumentation-nestjs-core') as typeof import('@opentelemetry/instrumentation-nestjs-core');

  const provider = new NodeTracerProvider({
    resource: resourceFromAttributes({
      'service.name': config.env.OTEL_SERVICE_NAME ?? `fluentpro-${service}`,
      'deployment.environment.name': config.env.NODE_ENV,
    }),
    sampler: new ParentBasedSampler({
      root: new TraceIdRatioBasedSampler(config.env.OTEL_TRACES_SAMPLE_RATIO),
    }),
    spanProcessors: [
      new BatchSpanProcessor(new OTLPTraceExporter({ url: `${endpoint.replace(/\/+$/, '')}/v1/traces` })),
    ],
  });
  provider.register();
  const unregister = registerInstrumentations({
    tracerProvider: provider,
    instrumentations: [
      new HttpInstrumentation({
        // Probes and scrapes would drown the interesting traces.
        ignoreIncomingRequestHook: (request) => /^\/(health\/|metrics)/.test(request.url ?? ''),
      }),
      new NestInstrumentation(),
      new PgInstrumentation(),
      new IORedisInstrumentation(),
    ],
  });

  const none: Record<string, string> = {};
  logMixin = () => {
    const context = api.trace.getActiveSpan()?.spanContext();
    return context ? { trace_id: context.traceId, span_id: context.spanId } : none;
  };

  active = {
    async shutdown() {
      logMixin = undefined;
      active = undefined;
      unregister();
      await provider.shutdown();
    },
  };
  return active;
}

/** Flushes and stops tracing if it was started (called when the application shuts down). */
export async function stopTracing(): Promise<void> {
  await active?.shutdown();
}

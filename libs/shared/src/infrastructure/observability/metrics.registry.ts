import { timingSafeEqual } from 'node:crypto';
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { AppConfig } from '../../config/app-config';
import type { AuthOutcome } from '../../application/auth-outcomes';
import { AUTH_OUTCOMES, AuthOutcomes } from '../../application/auth-outcomes';

/** Where `/metrics` may be read, from METRICS_ENABLED, METRICS_PORT, METRICS_TOKEN and NODE_ENV. */
export type MetricsExposure =
  | { where: 'nowhere'; reason: string }
  | { where: 'separate-port'; port: number; token?: string }
  | { where: 'main-port'; token?: string };

export function metricsExposure(config: AppConfig): MetricsExposure {
  const { METRICS_ENABLED, METRICS_PORT, METRICS_TOKEN } = config.env;
  if (!METRICS_ENABLED) return { where: 'nowhere', reason: 'METRICS_ENABLED=false' };
  if (METRICS_PORT !== undefined) return { where: 'separate-port', port: METRICS_PORT, token: METRICS_TOKEN };
  if (METRICS_TOKEN) return { where: 'main-port', token: METRICS_TOKEN };
  if (config.isProduction)
    return { where: 'nowhere', reason: 'production needs METRICS_TOKEN or METRICS_PORT to expose metrics' };
  return { where: 'main-port' };
}

/** True when `authorization` is `Bearer <token>` (compared in constant time), or when no token is required. */
export function metricsAccessAllowed(token: string | undefined, authorization: string | undefined): boolean {
  if (!token) return true;
  const expected = Buffer.from(`Bearer ${token}`);
  const given = Buffer.from(authorization ?? '');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

const HTTP_BUCKETS = [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

type Observer = { observe(value: number): void };

/**
 * One Prometheus registry per process (not prom-client's global one, so several applications can
 * live in one test process). Every series carries a `service` label. Process and Node.js runtime
 * metrics are collected as well. Other modules add their own metrics to `registry`.
 */
export class MetricsRegistry {
  readonly registry = new Registry();
  private readonly httpDuration: Histogram<'method' | 'route' | 'status_code'>;
  private readonly httpChildren = new Map<string, Observer>();
  readonly authOutcomes: Counter<'outcome'>;

  constructor(readonly service: string) {
    this.registry.setDefaultLabels({ service });
    collectDefaultMetrics({ register: this.registry });
    this.httpDuration = new Histogram({
      name: 'http_request_duration_seconds',
      help: 'HTTP requests by method, route template and status code',
      labelNames: ['method', 'route', 'status_code'],
      buckets: HTTP_BUCKETS,
      registers: [this.registry],
    });
    this.authOutcomes = new Counter({
      name: 'fluentpro_auth_outcomes_total',
      help: 'Authentication outcomes: sign-ups, logins (success, failure, locked), refreshes, reuse detections, logouts',
      labelNames: ['outcome'],
      registers: [this.registry],
    });
    for (const outcome of AUTH_OUTCOMES) this.authOutcomes.inc({ outcome }, 0);
  }

  /** Records one served request; children are cached so the hot path does no label hashing. */
  observeHttp(method: string, route: string, statusCode: number, seconds: number): void {
    const key = `${method} ${statusCode} ${route}`;
    let child = this.httpChildren.get(key);
    if (!child) {
      child = this.httpDuration.labels(method, route, String(statusCode));
      this.httpChildren.set(key, child);
    }
    child.observe(seconds);
  }

  get contentType(): string {
    return this.registry.contentType;
  }

  metrics(): Promise<string> {
    return this.registry.metrics();
  }
}

/** The AuthOutcomes port backed by the `fluentpro_auth_outcomes_total` counter. */
export class PrometheusAuthOutcomes extends AuthOutcomes {
  constructor(private readonly metrics: MetricsRegistry) {
    super();
  }

  record(outcome: AuthOutcome): void {
    this.metrics.authOutcomes.inc({ outcome });
  }
}

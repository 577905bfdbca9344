import type { DataSource } from 'typeorm';
import type { Redis } from 'ioredis';
import { withTimeout } from '../with-timeout';

/**
 * One dependency the process needs to serve traffic. `check` resolves (optionally with details to
 * show) when the dependency is usable and throws when it is not. Modules add theirs to the
 * ReadinessRegistry, typically in `onModuleInit`: `registry.register(this)`.
 */
export interface ReadinessIndicator {
  readonly name: string;
  check(): Promise<Record<string, unknown> | void>;
}

export interface ReadinessReport {
  status: 'ok' | 'error';
  info: Record<string, Record<string, unknown>>;
  error: Record<string, Record<string, unknown>>;
  details: Record<string, Record<string, unknown>>;
}

/**
 * The indicators behind `/health/ready` (API) and the worker's ops port. The report has the shape of
 * @nestjs/terminus's (`status`, `info`, `error`, `details`) so dashboards need not care which served it.
 */
export class ReadinessRegistry {
  private readonly indicators = new Map<string, ReadinessIndicator>();
  private shuttingDown = false;

  constructor(private readonly timeoutMs: number) {}

  /** Adds an indicator (replacing one of the same name); returns a function that removes it. */
  register(indicator: ReadinessIndicator): () => void {
    this.indicators.set(indicator.name, indicator);
    return () => {
      if (this.indicators.get(indicator.name) === indicator) this.indicators.delete(indicator.name);
    };
  }

  get names(): string[] {
    return [...this.indicators.keys()];
  }

  /** From now on the process reports not ready, so the load balancer stops sending it work. */
  beginShutdown(): void {
    this.shuttingDown = true;
  }

  async evaluate(): Promise<ReadinessReport> {
    const details: ReadinessReport['details'] = {};
    const info: ReadinessReport['info'] = {};
    const error: ReadinessReport['error'] = {};
    if (this.shuttingDown) error.process = { status: 'down', message: 'shutting down' };
    await Promise.all(
      [...this.indicators.values()].map(async (indicator) => {
        try {
          const extra = await withTimeout(indicator.check(), this.timeoutMs);
          info[indicator.name] = { status: 'up', ...(extra ?? {}) };
        } catch (cause) {
          const message = cause instanceof Error ? cause.message : String(cause);
          error[indicator.name] = { status: 'down', message };
        }
      }),
    );
    for (const name of [...Object.keys(info), ...Object.keys(error)].sort())
      details[name] = info[name] ?? error[name];
    return { status: Object.keys(error).length === 0 ? 'ok' : 'error', info, error, details };
  }
}

/** The database answers `SELECT 1` (PostgreSQL or SQLite). */
export class DatabaseReadiness implements ReadinessIndicator {
  readonly name = 'database';

  constructor(private readonly dataSource: DataSource) {}

  async check(): Promise<Record<string, unknown>> {
    if (!this.dataSource.isInitialized) throw new Error('the connection is closed');
    await this.dataSource.query('SELECT 1');
    return { dialect: this.dataSource.options.type === 'postgres' ? 'postgres' : 'sqlite' };
  }
}

/** Redis answers PING. The connection is opened on the first check and reconnects by itself. */
export class RedisReadiness implements ReadinessIndicator {
  readonly name = 'redis';
  private client: Redis | undefined;

  constructor(private readonly url: string) {}

  async check(): Promise<void> {
    // A client between retries would answer "down" until its next attempt: a probe asks afresh.
    if (this.client && this.client.status !== 'ready' && this.client.status !== 'wait') this.close();
    const client = (this.client ??= this.connect());
    if (client.status === 'wait') await client.connect();
    await client.ping();
  }

  close(): void {
    this.client?.disconnect();
    this.client = undefined;
  }

  private connect(): Redis {
    // Loaded here, not at the top, so tracing (started before the app modules load) can patch ioredis.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { Redis: Client } = require('ioredis') as typeof import('ioredis');
    const client = new Client(this.url, {
      lazyConnect: true,
      enableOfflineQueue: false,
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      connectionName: 'fluentpro-readiness',
      retryStrategy: (attempt) => Math.min(attempt * 250, 2000),
    });
    client.on('error', () => {
      // Reported by the next check; ioredis keeps reconnecting.
    });
    return client;
  }
}

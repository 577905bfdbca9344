import { availableParallelism } from 'node:os';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));
const urlWithProtocols = (protocols: string[]) =>
  optionalString.refine(
    (value) => {
      if (value === undefined) return true;
      try {
        return protocols.includes(new URL(value).protocol);
      } catch {
        return false;
      }
    },
    { message: `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}` },
  );
const pem = optionalString.transform((value) => value?.replace(/\\n/g, '\n'));

/** Every variable the service reads; `.env.example` documents each one. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: int(0, 65535).default(8000),
    HOST: z.string().default('0.0.0.0'),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CORS_ORIGINS: z.string().default(''),
    TRUST_PROXY: bool.default(false),
    BODY_LIMIT_BYTES: int(1024, 100 * 1024 * 1024).default(1024 * 1024),
    SHUTDOWN_TIMEOUT_MS: int(0, 600_000).default(10_000),

    DATABASE_URL: urlWithProtocols(['postgres:', 'postgresql:']),
    DATABASE_POOL_SIZE: int(1, 200).default(10),
    DATABASE_SSL: bool.default(false),
    DATABASE_MIGRATE_ON_START: bool.default(true),
    SQLITE_PATH: z.string().default('./data/fluentpro.sqlite'),
    REDIS_URL: urlWithProtocols(['redis:', 'rediss:']),

    IDENTITY_PROVIDER: z.enum(['self-hosted', 'auth0']).default('self-hosted'),
    JWT_ISSUER: z.string().min(1).default('fluentpro-backend'),
    JWT_AUDIENCE: z.string().min(1).default('fluentpro-api'),
    JWT_PRIVATE_KEY: pem,
    JWT_KEY_ID: optionalString,
    JWT_KEYS_DIR: z.string().default('./data/keys'),
    JWT_CLOCK_TOLERANCE_SECONDS: int(0, 300).default(5),
    ACCESS_TOKEN_TTL_SECONDS: int(60, 86_400).default(3600),
    REFRESH_TOKEN_REUSE_INTERVAL_SECONDS: int(0, 3600).default(10),
    SESSION_LIFETIME_DAYS: int(1, 365).default(30),

    ARGON2_MEMORY_KIB: int(19_456, 4 * 1024 * 1024).default(19_456),
    ARGON2_TIME_COST: int(2, 100).default(2),
    ARGON2_PARALLELISM: int(1, 16).default(1),
    HASH_CONCURRENCY: int(1, 64).optional(),
    HASH_QUEUE_LIMIT: int(0, 10_000).optional(),
    THREADPOOL_NICE: int(0, 19).default(10),

    LOGIN_MAX_FAILURES: int(1, 1000).default(5),
    LOGIN_LOCKOUT_BASE_SECONDS: int(1, 86_400).default(30),
    LOGIN_LOCKOUT_MAX_SECONDS: int(1, 7 * 86_400).default(15 * 60),
    AUTH_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000).default(100),

    // Auth0 identity (IDENTITY_PROVIDER=auth0; docs/identity/auth0.md). Checked together below.
    AUTH0_DOMAIN: optionalString,
    AUTH0_CLIENT_ID: optionalString,
    AUTH0_CLIENT_SECRET: optionalString,
    AUTH0_AUDIENCE: optionalString,
    AUTH0_CONNECTION: optionalString,
    AUTH0_MANAGEMENT_CLIENT_ID: optionalString,
    AUTH0_MANAGEMENT_CLIENT_SECRET: optionalString,
    AUTH0_TIMEOUT_MS: int(100, 60_000).default(5000),
    AUTH0_BASE_URL: urlWithProtocols(['https:', 'http:']),

    // Operations: metrics, probes and tracing (docs/development/deployment.md)
    METRICS_ENABLED: bool.default(true),
    METRICS_TOKEN: optionalString.refine((value) => value === undefined || value.length >= 16, {
      message: 'must be at least 16 characters',
    }),
    // An empty value (env files) means unset, not port 0.
    METRICS_PORT: optionalString
      .transform((value) => (value === undefined ? undefined : Number(value)))
      .pipe(z.number().int().min(0).max(65535).optional()),
    METRICS_HOST: z.string().default('0.0.0.0'),
    READINESS_TIMEOUT_MS: int(100, 60_000).default(2000),
    OTEL_EXPORTER_OTLP_ENDPOINT: urlWithProtocols(['http:', 'https:']),
    OTEL_SERVICE_NAME: optionalString,
    OTEL_TRACES_SAMPLE_RATIO: z.coerce.number().min(0).max(1).default(1),
    // --- Events, outbox, queues, worker, mail (issue 4; docs/architecture/events.md) ---
    QUEUE_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/, 'letters, digits, "_" and "-" only')
      .default('fluentpro'),
    WORKER_CONCURRENCY: int(1, 256).default(5),
    JOB_ATTEMPTS: int(1, 100).default(5),
    JOB_BACKOFF_MS: int(1, 3_600_000).default(2000),
    OUTBOX_RELAY_ENABLED: bool.default(true),
    OUTBOX_POLL_INTERVAL_MS: int(20, 600_000).default(1000),
    OUTBOX_WAKE_COALESCE_MS: int(0, 10_000).default(50),
    OUTBOX_BATCH_SIZE: int(1, 1000).default(100),
    OUTBOX_LEASE_SECONDS: int(1, 3600).default(30),
    OUTBOX_PUBLISH_TIMEOUT_MS: int(50, 120_000).default(5000),
    OUTBOX_READY_MAX_PENDING: int(0, 100_000_000).default(10_000),
    MAINTENANCE_INTERVAL_MINUTES: int(1, 7 * 24 * 60).default(60),
    RETENTION_DAYS: int(1, 3650).default(7),
    SMTP_URL: urlWithProtocols(['smtp:', 'smtps:']),
    MAIL_FROM: z.string().min(3).default('FluentPro <no-reply@fluentpro.app>'),
    ADMIN_USERNAME: optionalString,
    ADMIN_PASSWORD: optionalString.refine((value) => value === undefined || value.length >= 12, {
      message: 'must be at least 12 characters',
    }),
    // Onboarding: the optional role matcher on an OpenAI-compatible embeddings API (unset URL = lexical).
    EMBEDDINGS_URL: urlWithProtocols(['http:', 'https:']),
    EMBEDDINGS_API_KEY: optionalString,
    EMBEDDINGS_MODEL: z.string().min(1).default('text-embedding-3-small'),
    EMBEDDINGS_TIMEOUT_MS: int(100, 60_000).default(3000),

    // --- Realtime: WebSocket gateway at /ws, fan-out through Redis (issue 7) ---
    REALTIME_AUTH_TIMEOUT_MS: int(100, 60_000).default(5000),
    REALTIME_HEARTBEAT_INTERVAL_MS: int(100, 300_000).default(30_000),
    REALTIME_MAX_MESSAGE_BYTES: int(4096, 1024 * 1024).default(64 * 1024),
    REALTIME_MAX_BUFFERED_BYTES: int(1024, 64 * 1024 * 1024).default(1024 * 1024),
    REALTIME_MAX_CONNECTIONS_PER_USER: int(1, 1000).default(5),
    REALTIME_REDIS_CHANNEL_PREFIX: z.string().min(1).max(100).default('fluentpro:realtime:'),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV === 'production' && env.IDENTITY_PROVIDER === 'self-hosted' && !env.JWT_PRIVATE_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_PRIVATE_KEY'],
        message:
          'is required in production with self-hosted identity (every replica must sign with the same key)',
      });
    }
    if (env.LOGIN_LOCKOUT_MAX_SECONDS < env.LOGIN_LOCKOUT_BASE_SECONDS) {
      ctx.addIssue({
        code: 'custom',
        path: ['LOGIN_LOCKOUT_MAX_SECONDS'],
        message: 'must be at least LOGIN_LOCKOUT_BASE_SECONDS',
      });
    }
    if (env.REALTIME_MAX_BUFFERED_BYTES < env.REALTIME_MAX_MESSAGE_BYTES) {
      ctx.addIssue({
        code: 'custom',
        path: ['REALTIME_MAX_BUFFERED_BYTES'],
        message: 'must be at least REALTIME_MAX_MESSAGE_BYTES',
      });
    }
  })
  .superRefine((env, ctx) => {
    // Auth0 identity: every setting present and consistent, or none of them in the self-hosted mode.
    const problem = (variable: string, message: string) =>
      ctx.addIssue({ code: 'custom', path: [variable], message });
    const auth0Variables = Object.keys(env).filter(
      (key) => key.startsWith('AUTH0_') && key !== 'AUTH0_TIMEOUT_MS' && env[key as keyof typeof env],
    );
    if (env.IDENTITY_PROVIDER !== 'auth0') {
      for (const variable of auth0Variables)
        problem(
          variable,
          'is set but IDENTITY_PROVIDER is not auth0 (set IDENTITY_PROVIDER=auth0 or remove it)',
        );
      return;
    }
    for (const variable of [
      'AUTH0_DOMAIN',
      'AUTH0_CLIENT_ID',
      'AUTH0_CLIENT_SECRET',
      'AUTH0_AUDIENCE',
      'AUTH0_CONNECTION',
    ] as const) {
      if (!env[variable]) problem(variable, 'is required when IDENTITY_PROVIDER=auth0');
    }
    if (
      env.AUTH0_DOMAIN &&
      !/^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$/i.test(env.AUTH0_DOMAIN)
    )
      problem(
        'AUTH0_DOMAIN',
        'must be the bare tenant host name, e.g. fluentpro.eu.auth0.com (no https://, no path)',
      );
    if (!env.AUTH0_MANAGEMENT_CLIENT_ID !== !env.AUTH0_MANAGEMENT_CLIENT_SECRET)
      problem(
        env.AUTH0_MANAGEMENT_CLIENT_ID ? 'AUTH0_MANAGEMENT_CLIENT_SECRET' : 'AUTH0_MANAGEMENT_CLIENT_ID',
        'AUTH0_MANAGEMENT_CLIENT_ID and AUTH0_MANAGEMENT_CLIENT_SECRET go together',
      );
    if (env.AUTH0_BASE_URL?.startsWith('http:') && env.NODE_ENV === 'production')
      problem('AUTH0_BASE_URL', 'must use https:// in production');
  })
  // --- Events, outbox, queues, worker, mail (issue 4) ---
  .superRefine((env, ctx) => {
    if ((env.ADMIN_USERNAME === undefined) !== (env.ADMIN_PASSWORD === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [env.ADMIN_USERNAME === undefined ? 'ADMIN_USERNAME' : 'ADMIN_PASSWORD'],
        message: 'ADMIN_USERNAME and ADMIN_PASSWORD are set together or not at all',
      });
    }
  });

export type ConfigValues = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

/** libuv runs 4 threads unless told otherwise; hashing must leave at least one for other work. */
const LIBUV_THREADPOOL_SIZE = 4;

/**
 * The validated configuration, read once at boot. This module is the only reader of the process
 * environment; everything else receives an AppConfig through dependency injection.
 */
export class AppConfig {
  readonly env: ConfigValues;

  private constructor(values: ConfigValues) {
    this.env = values;
  }

  static fromEnvironment(overrides: Record<string, string | undefined> = {}): AppConfig {
    return AppConfig.parse({ ...process.env, ...overrides });
  }

  static parse(source: Record<string, string | undefined>): AppConfig {
    // An empty value (`HASH_CONCURRENCY=` in an env file) means "not set": the default applies.
    const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== ''));
    const result = configSchema.safeParse(present);
    if (!result.success) {
      throw new ConfigError(result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
    }
    return new AppConfig(result.data);
  }

  get isProduction(): boolean {
    return this.env.NODE_ENV === 'production';
  }

  get databaseKind(): 'postgres' | 'sqlite' {
    return this.env.DATABASE_URL ? 'postgres' : 'sqlite';
  }

  get corsOrigins(): string[] {
    return this.env.CORS_ORIGINS.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean);
  }

  /** In-flight hashes: never more than the cores, always below the libuv threadpool size. */
  get hashConcurrency(): number {
    const threadpool = Number(process.env.UV_THREADPOOL_SIZE) || LIBUV_THREADPOOL_SIZE;
    return this.env.HASH_CONCURRENCY ?? Math.max(1, Math.min(availableParallelism(), threadpool - 1));
  }

  /**
   * Hashes allowed to wait for a slot; beyond that a login or sign-up is shed with a 503. The default,
   * 2 per slot, bounds the wait to about 2 hash durations, so under overload the login p99 stays within
   * a few times the unloaded latency (docs/performance.md); a longer queue only adds latency, never
   * throughput, once every slot has a hash waiting.
   */
  get hashQueueLimit(): number {
    return this.env.HASH_QUEUE_LIMIT ?? 2 * this.hashConcurrency;
  }
}

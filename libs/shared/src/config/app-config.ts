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

    LOGIN_MAX_FAILURES: int(1, 1000).default(5),
    LOGIN_LOCKOUT_BASE_SECONDS: int(1, 86_400).default(30),
    LOGIN_LOCKOUT_MAX_SECONDS: int(1, 7 * 86_400).default(15 * 60),
    AUTH_RATE_LIMIT_PER_MINUTE: int(1, 1_000_000).default(100),
  })
  .superRefine((env, ctx) => {
    if (env.LOGIN_LOCKOUT_MAX_SECONDS < env.LOGIN_LOCKOUT_BASE_SECONDS) {
      ctx.addIssue({
        code: 'custom',
        path: ['LOGIN_LOCKOUT_MAX_SECONDS'],
        message: 'must be at least LOGIN_LOCKOUT_BASE_SECONDS',
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
    const result = configSchema.safeParse(source);
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

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AppConfig, ConfigError, configSchema } from './app-config';

describe('AppConfig', () => {
  it('has embedded defaults: port 8000, SQLite, self-hosted identity', () => {
    const config = AppConfig.parse({});
    expect(config.env.PORT).toBe(8000);
    expect(config.databaseKind).toBe('sqlite');
    expect(config.env.SQLITE_PATH).toBe('./data/fluentpro.sqlite');
    expect(config.env.IDENTITY_PROVIDER).toBe('self-hosted');
    expect(config.env.REFRESH_TOKEN_REUSE_INTERVAL_SECONDS).toBe(10);
    expect(config.env.SESSION_LIFETIME_DAYS).toBe(30);
    expect(config.env.AUTH_RATE_LIMIT_PER_MINUTE).toBeGreaterThanOrEqual(60);
  });

  it('treats empty values as unset, as an env file written from .env.example has them', () => {
    const config = AppConfig.parse({ HASH_CONCURRENCY: '', DATABASE_URL: '', PORT: '' });
    expect(config.env.PORT).toBe(8000);
    expect(config.databaseKind).toBe('sqlite');
    expect(config.env.HASH_CONCURRENCY).toBeUndefined();
  });

  it('accepts .env.example as it stands, and it documents every variable of the schema', () => {
    const text = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8');
    const entries = text
      .split('\n')
      .filter((line) => /^[A-Z0-9_]+=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]);
    // Optional settings without a default are documented as commented-out examples (`# SMTP_URL=...`).
    const documented = new Set([...text.matchAll(/^#? ?([A-Z0-9_]+)=/gm)].map((match) => match[1]));
    expect(Object.keys(configSchema.shape).filter((key) => !documented.has(key))).toEqual([]);
    expect(() =>
      AppConfig.parse({ ...Object.fromEntries(entries), IDENTITY_PROVIDER: 'self-hosted' }),
    ).not.toThrow();
  });

  it('names every bad variable', () => {
    try {
      AppConfig.parse({ DATABASE_URL: 'nonsense', PORT: 'eighty', REDIS_URL: 'http://x' });
      throw new Error('expected a ConfigError');
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      const message = (error as ConfigError).message;
      expect(message).toContain('DATABASE_URL: must be a URL starting with postgres:// or postgresql://');
      expect(message).toContain('PORT:');
      expect(message).toContain('REDIS_URL:');
    }
  });

  it('refuses argon2 parameters weaker than the policy floor', () => {
    expect(() => AppConfig.parse({ ARGON2_MEMORY_KIB: '1024' })).toThrow(/ARGON2_MEMORY_KIB/);
    expect(() => AppConfig.parse({ ARGON2_TIME_COST: '1' })).toThrow(/ARGON2_TIME_COST/);
  });

  it('keeps hashing below the libuv threadpool size', () => {
    expect(AppConfig.parse({}).hashConcurrency).toBeLessThanOrEqual(3);
    expect(AppConfig.parse({ HASH_CONCURRENCY: '1' }).hashConcurrency).toBe(1);
  });

  it('requires a configured signing key in production with self-hosted identity', () => {
    expect(() => AppConfig.parse({ NODE_ENV: 'production' })).toThrow(
      /JWT_PRIVATE_KEY: is required in production/,
    );
  });

  it('accepts PEM keys with escaped newlines', () => {
    const config = AppConfig.parse({
      JWT_PRIVATE_KEY: '-----BEGIN PRIVATE KEY-----\\nabc\\n-----END PRIVATE KEY-----',
    });
    expect(config.env.JWT_PRIVATE_KEY).toBe('-----BEGIN PRIVATE KEY-----\nabc\n-----END PRIVATE KEY-----');
  });

  it('has realtime defaults and keeps the send queue at least one message large', () => {
    const config = AppConfig.parse({});
    expect(config.env.REALTIME_MAX_CONNECTIONS_PER_USER).toBe(5);
    expect(config.env.REALTIME_REDIS_CHANNEL_PREFIX).toBe('fluentpro:realtime:');
    expect(config.env.REALTIME_MAX_BUFFERED_BYTES).toBeGreaterThanOrEqual(
      config.env.REALTIME_MAX_MESSAGE_BYTES,
    );
    expect(() =>
      AppConfig.parse({ REALTIME_MAX_MESSAGE_BYTES: '65536', REALTIME_MAX_BUFFERED_BYTES: '4096' }),
    ).toThrow(/REALTIME_MAX_BUFFERED_BYTES: must be at least REALTIME_MAX_MESSAGE_BYTES/);
  });
});

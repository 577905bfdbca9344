import { AppConfig, ConfigError } from './app-config';

describe('AppConfig: events, queues, worker and mail', () => {
  it('has working defaults', () => {
    const { env } = AppConfig.parse({});
    expect(env).toMatchObject({
      QUEUE_PREFIX: 'fluentpro',
      WORKER_CONCURRENCY: 5,
      JOB_ATTEMPTS: 5,
      OUTBOX_RELAY_ENABLED: true,
      RETENTION_DAYS: 7,
    });
    expect(env.SMTP_URL).toBeUndefined();
    expect(env.ADMIN_USERNAME).toBeUndefined();
  });

  it('wants the admin user and password together, and a password of 12 characters or more', () => {
    expect(() => AppConfig.parse({ ADMIN_USERNAME: 'ops' })).toThrow(/ADMIN_PASSWORD: ADMIN_USERNAME and/);
    expect(() => AppConfig.parse({ ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: 'short' })).toThrow(
      /ADMIN_PASSWORD: must be at least 12 characters/,
    );
    expect(
      AppConfig.parse({ ADMIN_USERNAME: 'ops', ADMIN_PASSWORD: 'long enough pass' }).env.ADMIN_USERNAME,
    ).toBe('ops');
  });

  it('refuses an SMTP_URL that is not smtp:// or smtps://, and a queue prefix with separators', () => {
    expect(() => AppConfig.parse({ SMTP_URL: 'http://mail.example.com' })).toThrow(ConfigError);
    expect(AppConfig.parse({ SMTP_URL: 'smtps://u:p@mail.example.com:465' }).env.SMTP_URL).toBe(
      'smtps://u:p@mail.example.com:465',
    );
    expect(() => AppConfig.parse({ QUEUE_PREFIX: 'a:b' })).toThrow(/QUEUE_PREFIX/);
  });
});

import { AppConfig, ServiceUnavailableError } from '@fluentpro/shared';
import { Argon2PasswordHasher } from './argon2-password-hasher';

const hasherWith = (env: Record<string, string> = {}) => new Argon2PasswordHasher(AppConfig.parse(env));

describe('Argon2PasswordHasher', () => {
  it('verifies its own hashes, and answers false for an unknown account (dummy hash)', async () => {
    const hasher = hasherWith();
    hasher.onModuleInit();
    const stored = await hasher.hash('Str0ng!Passw0rd');
    expect(stored).toMatch(/^\$argon2id\$/);
    await expect(hasher.verify(stored, 'Str0ng!Passw0rd')).resolves.toBe(true);
    await expect(hasher.verify(stored, 'Wrong!Passw0rd')).resolves.toBe(false);
    await expect(hasher.verify(null, 'Str0ng!Passw0rd')).resolves.toBe(false);
  });

  it('creates the dummy hash on demand when the module hook did not run', async () => {
    await expect(hasherWith().verify(null, 'anything')).resolves.toBe(false);
  });

  it('sheds work beyond the concurrency and the queue limit with a 503-class error', async () => {
    const hasher = hasherWith({ HASH_CONCURRENCY: '1', HASH_QUEUE_LIMIT: '1' });
    const results = await Promise.allSettled([1, 2, 3].map((n) => hasher.hash(`Passw0rd!${n}`)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected']);
    expect((results[2] as PromiseRejectedResult).reason).toBeInstanceOf(ServiceUnavailableError);
  });

  it('queues 2 hashes per slot by default', () => {
    const config = AppConfig.parse({ HASH_CONCURRENCY: '3' });
    expect(config.hashQueueLimit).toBe(6);
    expect(AppConfig.parse({ HASH_CONCURRENCY: '3', HASH_QUEUE_LIMIT: '0' }).hashQueueLimit).toBe(0);
  });
});

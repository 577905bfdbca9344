import { randomBytes } from 'node:crypto';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { FixedWindowThrottlerStorage } from '../../libs/authentication/src/infrastructure/security/fixed-window-throttler-storage';
import { REDIS_URL } from '../support/redis';

// The embedded mode's rate-limit counters must answer as the Redis mode's do: the same hits, blocks and
// expiry seconds for the same sequence of requests (the time-dependent cases are in the unit spec).
(REDIS_URL ? describe : describe.skip)('FixedWindowThrottlerStorage answers as the Redis storage', () => {
  let redis: ThrottlerStorageRedisService;
  const memory = new FixedWindowThrottlerStorage();
  const prefix = `throttle-test-${randomBytes(5).toString('hex')}`;

  beforeAll(() => {
    redis = new ThrottlerStorageRedisService(REDIS_URL);
  });

  afterAll(async () => {
    const keys = await redis.redis.keys(`{${prefix}*`);
    if (keys.length > 0) await redis.redis.del(...keys);
    redis.onModuleDestroy();
  });

  it('counts, blocks past the limit and keeps clients and throttlers apart, the same way', async () => {
    const sequence: [client: string, throttler: string][] = [
      ...Array.from({ length: 5 }, () => ['a', 'default'] as [string, string]),
      ['b', 'default'],
      ['a', 'burst'],
      ['a', 'default'],
      ['b', 'default'],
    ];
    for (const [client, throttler] of sequence) {
      const key = `${prefix}-${client}`;
      const [fromRedis, fromMemory] = await Promise.all([
        redis.increment(key, 60_000, 3, 30_000, throttler),
        memory.increment(key, 60_000, 3, 30_000, throttler),
      ]);
      expect(fromMemory).toEqual(fromRedis);
    }
  });
});

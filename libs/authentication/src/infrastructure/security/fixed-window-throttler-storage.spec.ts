import { FixedWindowThrottlerStorage } from './fixed-window-throttler-storage';

describe('FixedWindowThrottlerStorage', () => {
  let now: number;
  let storage: FixedWindowThrottlerStorage;
  const hit = (key = 'client-a', { ttl = 60_000, limit = 3, block = 60_000, name = 'default' } = {}) =>
    storage.increment(key, ttl, limit, block, name);

  beforeEach(() => {
    now = 1_000_000;
    storage = new FixedWindowThrottlerStorage(() => now, 60_000);
  });

  it('counts hits in a window and blocks the one over the limit for the block duration', async () => {
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
    now += 10_500;
    await hit();
    expect(await hit()).toEqual({ totalHits: 3, timeToExpire: 50, isBlocked: false, timeToBlockExpire: 0 });
    expect(await hit()).toEqual({ totalHits: 4, timeToExpire: 50, isBlocked: true, timeToBlockExpire: 60 });
    now += 30_000;
    expect(await hit()).toMatchObject({ totalHits: 5, isBlocked: true, timeToBlockExpire: 30 });
  });

  it('keeps clients and throttlers apart', async () => {
    for (let i = 0; i < 4; i += 1) await hit('client-a');
    expect(await hit('client-b')).toMatchObject({ totalHits: 1, isBlocked: false });
    expect(await hit('client-a', { name: 'burst' })).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('starts a new window once the window and the block are over', async () => {
    for (let i = 0; i < 4; i += 1) await hit();
    now += 60_000;
    expect(await hit()).toEqual({ totalHits: 1, timeToExpire: 60, isBlocked: false, timeToBlockExpire: 0 });
  });

  it('stays blocked past the window while the block lasts, counting from a new window', async () => {
    for (let i = 0; i < 4; i += 1) await hit('client-a', { ttl: 10_000, block: 30_000 });
    now += 15_000;
    expect(await hit('client-a', { ttl: 10_000, block: 30_000 })).toEqual({
      totalHits: 1,
      timeToExpire: 10,
      isBlocked: true,
      timeToBlockExpire: 15,
    });
  });

  it('blocks again when a short block ends inside a window that is still over the limit', async () => {
    for (let i = 0; i < 4; i += 1) await hit('client-a', { block: 5_000 });
    now += 6_000;
    expect(await hit('client-a', { block: 5_000 })).toMatchObject({
      totalHits: 5,
      isBlocked: true,
      timeToBlockExpire: 5,
    });
  });

  it('refuses until the window ends when there is no block duration', async () => {
    for (let i = 0; i < 3; i += 1) await hit('client-a', { block: 0 });
    now += 20_000;
    expect(await hit('client-a', { block: 0 })).toEqual({
      totalHits: 4,
      timeToExpire: 40,
      isBlocked: true,
      timeToBlockExpire: 40,
    });
    now += 40_000;
    expect(await hit('client-a', { block: 0 })).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('keeps a blocked client through a sweep, and drops finished windows', async () => {
    for (let i = 0; i < 4; i += 1) await hit('blocked', { ttl: 10_000, block: 120_000 });
    now += 60_000;
    await hit('other');
    expect(await hit('blocked', { ttl: 10_000, block: 120_000 })).toMatchObject({ isBlocked: true });
  });

  it('drops finished windows in a sweep at most once a sweep interval', async () => {
    for (let i = 0; i < 50; i += 1) await hit(`client-${i}`);
    expect(storage.size).toBe(50);
    now += 60_000;
    await hit('client-new');
    expect(storage.size).toBe(1);
  });
});

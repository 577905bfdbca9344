import type { ThrottlerStorage } from '@nestjs/throttler';

type ThrottlerStorageRecord = Awaited<ReturnType<ThrottlerStorage['increment']>>;

interface Window {
  hits: number;
  /** When the current window ends (ms since the epoch). */
  expiresAt: number;
  /** When the block ends; 0 when not blocked. */
  blockedUntil: number;
}

/**
 * The rate limit's counters when Redis is not configured: a fixed window per client and throttler,
 * counted exactly as the Redis storage (`@nest-lab/throttler-storage-redis`) counts, so both modes
 * answer the same. Every hit costs O(1).
 *
 * `@nestjs/throttler`'s own in-memory storage keeps one timestamp per hit and filters them all on every
 * request (and spreads them into `Math.min`): O(hits in the last window) per request, which at a
 * generous limit from one address (a NAT or a proxy) made the guard a tenth of a login's event-loop
 * time (docs/performance.md).
 *
 * Finished windows are dropped by a sweep that runs at most once per `sweepEveryMs`, on a hit.
 */
export class FixedWindowThrottlerStorage implements ThrottlerStorage {
  private readonly windows = new Map<string, Window>();
  private nextSweepAt = 0;

  constructor(
    private readonly now: () => number = Date.now,
    private readonly sweepEveryMs = 60_000,
  ) {}

  /** How many client windows are held (for tests and diagnostics). */
  get size(): number {
    return this.windows.size;
  }

  increment(
    key: string,
    ttl: number,
    limit: number,
    blockDuration: number,
    throttlerName: string,
  ): Promise<ThrottlerStorageRecord> {
    const now = this.now();
    if (now >= this.nextSweepAt) this.sweep(now);
    const id = `${throttlerName}\u0000${key}`;
    let window = this.windows.get(id);
    if (!window) {
      window = { hits: 0, expiresAt: 0, blockedUntil: 0 };
      this.windows.set(id, window);
    }
    // A finished window starts again; a block that outlasts it stays (`blockedUntil`).
    if (window.expiresAt <= now) {
      window.hits = 0;
      window.expiresAt = now + ttl;
    }
    window.hits += 1;
    let isBlocked = window.blockedUntil > now;
    if (!isBlocked && window.hits > limit) {
      // Without a block duration (the guard passes the ttl when none is configured) the client is
      // refused until its window ends.
      window.blockedUntil = now + (blockDuration > 0 ? blockDuration : window.expiresAt - now);
      isBlocked = true;
    }
    return Promise.resolve({
      totalHits: window.hits,
      timeToExpire: Math.ceil((window.expiresAt - now) / 1000),
      isBlocked,
      timeToBlockExpire: isBlocked ? Math.ceil((window.blockedUntil - now) / 1000) : 0,
    });
  }

  private sweep(now: number): void {
    for (const [id, window] of this.windows) {
      if (window.expiresAt <= now && window.blockedUntil <= now) this.windows.delete(id);
    }
    this.nextSweepAt = now + this.sweepEveryMs;
  }
}

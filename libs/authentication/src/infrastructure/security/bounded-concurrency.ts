import { ServiceUnavailableError } from '@fluentpro/shared';

/**
 * At most `concurrency` tasks run at once and at most `queueLimit` wait; beyond that, work is shed
 * at once with a 503 so latency stays bounded under overload instead of growing without limit.
 * The counts are kept synchronously and a finishing task hands its slot straight to the next waiter,
 * so a burst arriving in one tick is admitted or shed exactly by these limits.
 */
export class BoundedConcurrency {
  private active = 0;
  private readonly waiters: (() => void)[] = [];

  constructor(
    readonly concurrency: number,
    readonly queueLimit: number,
    private readonly busyMessage: string,
  ) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.concurrency) {
      this.active += 1;
    } else {
      if (this.waiters.length >= this.queueLimit) throw new ServiceUnavailableError(this.busyMessage, 1);
      await new Promise<void>((resolve) => this.waiters.push(resolve)); // the slot is handed over
    }
    try {
      return await task();
    } finally {
      const next = this.waiters.shift();
      if (next) next();
      else this.active -= 1;
    }
  }

  get queued(): number {
    return this.waiters.length;
  }

  get running(): number {
    return this.active;
  }
}

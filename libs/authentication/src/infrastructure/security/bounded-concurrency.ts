import { Semaphore } from 'async-mutex';
import { ServiceUnavailableError } from '@fluentpro/shared';

/**
 * At most `concurrency` tasks run at once and at most `queueLimit` wait; beyond that, work is shed
 * at once with a 503 so latency stays bounded under overload instead of growing without limit.
 */
export class BoundedConcurrency {
  private readonly semaphore: Semaphore;
  private waiting = 0;

  constructor(
    readonly concurrency: number,
    readonly queueLimit: number,
    private readonly busyMessage: string,
  ) {
    this.semaphore = new Semaphore(concurrency);
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.semaphore.isLocked() && this.waiting >= this.queueLimit) {
      throw new ServiceUnavailableError(this.busyMessage, 1);
    }
    this.waiting += 1;
    const [, release] = await this.semaphore.acquire();
    this.waiting -= 1;
    return this.runAndRelease(task, release);
  }

  private async runAndRelease<T>(task: () => Promise<T>, release: () => void): Promise<T> {
    try {
      return await task();
    } finally {
      release();
    }
  }

  get queued(): number {
    return this.waiting;
  }
}

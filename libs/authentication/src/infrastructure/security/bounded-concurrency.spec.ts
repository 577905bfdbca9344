import { ServiceUnavailableError } from '@fluentpro/shared';
import { BoundedConcurrency } from './bounded-concurrency';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe('BoundedConcurrency', () => {
  it('runs at most `concurrency` tasks, queues up to the limit and sheds the rest with a 503 error', async () => {
    const limiter = new BoundedConcurrency(2, 1, 'busy');
    const gate = deferred();
    let running = 0;
    let peak = 0;
    const task = async () => {
      running += 1;
      peak = Math.max(peak, running);
      await gate.promise;
      running -= 1;
      return 'done';
    };
    const accepted = [limiter.run(task), limiter.run(task), limiter.run(task)];
    await expect(limiter.run(task)).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(limiter.queued).toBe(1);
    gate.resolve();
    await expect(Promise.all(accepted)).resolves.toEqual(['done', 'done', 'done']);
    expect(peak).toBe(2);
    expect(limiter.queued).toBe(0);
  });

  it('releases its slot when a task fails', async () => {
    const limiter = new BoundedConcurrency(1, 0, 'busy');
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(() => Promise.resolve(42))).resolves.toBe(42);
  });
});

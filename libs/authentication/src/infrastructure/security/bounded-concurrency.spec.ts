import { ServiceUnavailableError } from '@fluentpro/shared';
import { BoundedConcurrency } from './bounded-concurrency';

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
}

describe('BoundedConcurrency', () => {
  it('runs up to the concurrency, queues up to the limit and sheds the rest of a burst', async () => {
    const limiter = new BoundedConcurrency(2, 1, 'busy');
    const gates = [deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = [0, 1, 2, 3].map((i) =>
      limiter.run(async () => {
        started.push(i);
        await gates[i]?.promise;
        return i;
      }),
    );
    await expect(runs[3]).rejects.toBeInstanceOf(ServiceUnavailableError);
    expect(started).toEqual([0, 1]);
    expect(limiter.running).toBe(2);
    expect(limiter.queued).toBe(1);

    gates[0].resolve();
    await expect(runs[0]).resolves.toBe(0);
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    expect(limiter.running).toBe(2);
    expect(limiter.queued).toBe(0);

    gates[1].resolve();
    gates[2].resolve();
    await expect(Promise.all(runs.slice(0, 3))).resolves.toEqual([0, 1, 2]);
    expect(limiter.running).toBe(0);
  });

  it('frees the slot when a task fails', async () => {
    const limiter = new BoundedConcurrency(1, 0, 'busy');
    await expect(limiter.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(limiter.run(() => Promise.resolve('ok'))).resolves.toBe('ok');
    expect(limiter.running).toBe(0);
  });

  it('with no queue sheds everything beyond the running tasks', async () => {
    const limiter = new BoundedConcurrency(1, 0, 'busy');
    const gate = deferred();
    const first = limiter.run(() => gate.promise);
    await expect(limiter.run(() => Promise.resolve())).rejects.toMatchObject({ retryAfterSeconds: 1 });
    gate.resolve();
    await first;
  });
});

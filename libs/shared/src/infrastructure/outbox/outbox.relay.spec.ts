import { AppConfig } from '../../config/app-config';
import { Clock } from '../../domain/clock';
import { DeliveryResult, EventPublisher, PublishUnavailableError } from './event-publisher';
import { backoffDelay, OutboxRelay } from './outbox.relay';
import type { ClaimedMessage, OutboxStore } from './outbox.store';

class FixedClock extends Clock {
  constructor(public time = new Date('2026-01-01T00:00:00Z')) {
    super();
  }
  now(): Date {
    return new Date(this.time);
  }
}

const message = (position: number, attempts = 0): ClaimedMessage => ({
  position,
  attempts,
  event: { id: `e${position}`, type: 't', occurredAt: '', correlationId: null, payload: {} },
});

const deliverAll = (messages: ClaimedMessage[]) =>
  Promise.resolve(messages.map((): DeliveryResult => ({ outcome: 'delivered' })));

function setUp(
  deliver: (messages: ClaimedMessage[]) => Promise<DeliveryResult[]>,
  due: ClaimedMessage[],
  env: Record<string, string> = {},
) {
  const calls: string[] = [];
  let pending = [...due];
  const store = {
    claim: jest.fn(() => {
      const batch = pending;
      pending = [];
      return Promise.resolve(batch);
    }),
    markSent: jest.fn((_: string, positions: number[], __: Date, note: string | null = null) => {
      if (positions.length) calls.push(`sent ${positions.join(',')}${note ? ` (${note})` : ''}`);
      return Promise.resolve();
    }),
    reschedule: jest.fn((_: string, position: number, attempts: number, at: Date) => {
      calls.push(`reschedule ${position} attempts=${attempts} at+${at.getTime() - clock.time.getTime()}ms`);
      return Promise.resolve();
    }),
    release: jest.fn((_: string, positions: number[]) => {
      calls.push(`release ${positions.join(',')}`);
      pending = due;
      return Promise.resolve();
    }),
  };
  const publisher = new (class extends EventPublisher {
    readonly mode = 'in-process';
    deliver = deliver;
  })();
  const clock = new FixedClock();
  const config = AppConfig.parse({ JOB_BACKOFF_MS: '100', OUTBOX_BATCH_SIZE: '10', ...env });
  const relay = new OutboxRelay(store as unknown as OutboxStore, publisher, config, clock);
  /** A row committed by this process: appended, then the relay woken (as TypeOrmEventOutbox does). */
  const commit = (position: number) => {
    pending.push(message(position));
    relay.wake();
  };
  return { relay, calls, clock, store, commit };
}

describe('OutboxRelay', () => {
  it('backs off exponentially from JOB_BACKOFF_MS, up to a minute', () => {
    expect([1, 2, 3, 4].map((attempts) => backoffDelay(100, attempts))).toEqual([100, 200, 400, 800]);
    expect(backoffDelay(1000, 30)).toBe(60_000);
  });

  it('marks delivered rows sent, reschedules a failed one with backoff, settles a dead-lettered one', async () => {
    const { relay, calls } = setUp(
      () =>
        Promise.resolve([
          { outcome: 'delivered' },
          { outcome: 'retry', error: 'boom' },
          { outcome: 'dead-lettered', error: 'gave up' },
        ]),
      [message(1), message(2, 2), message(3, 4)],
    );
    await relay.relayBatch();
    expect(calls).toEqual(['reschedule 2 attempts=3 at+400ms', 'sent 3 (gave up)', 'sent 1']);
  });

  it('gives the whole batch back and pauses with backoff when the transport is down', async () => {
    let up = false;
    const { relay, calls, clock, store } = setUp(
      (messages) =>
        up
          ? Promise.resolve(messages.map(() => ({ outcome: 'delivered' as const })))
          : Promise.reject(new PublishUnavailableError('Redis is down')),
      [message(1), message(2)],
    );
    await relay.relayBatch();
    expect(calls).toEqual(['release 1,2']);

    // Paused: no claim before the backoff has passed, even when woken.
    await relay.relayBatch();
    expect(store.claim).toHaveBeenCalledTimes(1);

    up = true;
    clock.time = new Date(clock.time.getTime() + 100);
    await relay.relayBatch();
    expect(calls).toEqual(['release 1,2', 'sent 1,2']);
  });

  describe('wake-ups (OUTBOX_WAKE_COALESCE_MS, default 50)', () => {
    beforeEach(() => jest.useFakeTimers());
    afterEach(() => jest.useRealTimers());

    /** Starts the relay (batches of 100): its first drain runs at once, on an empty outbox. */
    async function started(env: Record<string, string> = {}, deliver = deliverAll) {
      const relay = setUp(deliver, [], { OUTBOX_BATCH_SIZE: '100', ...env });
      relay.relay.onApplicationBootstrap();
      await jest.advanceTimersByTimeAsync(0);
      expect(relay.store.claim).toHaveBeenCalledTimes(1);
      return relay;
    }

    it('drains at once when woken on an idle relay', async () => {
      const { store, calls, commit } = await started();
      await jest.advanceTimersByTimeAsync(60);
      commit(1);
      expect(store.claim).toHaveBeenCalledTimes(2); // synchronously, no timer involved
      await jest.advanceTimersByTimeAsync(0);
      expect(calls).toEqual(['sent 1']);
    });

    it('turns wakes right after a drain into one claim, 50 ms after that drain started', async () => {
      const { store, calls, commit } = await started();
      await jest.advanceTimersByTimeAsync(10);
      for (let position = 1; position <= 10; position++) {
        commit(position);
        await jest.advanceTimersByTimeAsync(1);
      }
      await jest.advanceTimersByTimeAsync(29); // 49 ms after the first drain started
      expect(store.claim).toHaveBeenCalledTimes(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(store.claim).toHaveBeenCalledTimes(2);
      expect(calls).toEqual(['sent 1,2,3,4,5,6,7,8,9,10']);
      await jest.advanceTimersByTimeAsync(900); // until just before the next poll
      expect(store.claim).toHaveBeenCalledTimes(2);
    });

    it('runs the extra round asked for during a drain, coalesced too', async () => {
      let finish = () => {};
      const { store, calls, commit } = await started(
        {},
        (messages) => new Promise((resolve) => (finish = () => resolve(deliverAll(messages)))),
      );
      await jest.advanceTimersByTimeAsync(60);
      commit(1); // idle: drains at once, and the delivery hangs
      await jest.advanceTimersByTimeAsync(0);
      commit(2); // while that drain runs
      await jest.advanceTimersByTimeAsync(10);
      finish();
      await jest.advanceTimersByTimeAsync(0);
      expect(calls).toEqual(['sent 1']);
      await jest.advanceTimersByTimeAsync(39); // 49 ms after the drain started
      expect(store.claim).toHaveBeenCalledTimes(2);
      await jest.advanceTimersByTimeAsync(1);
      expect(store.claim).toHaveBeenCalledTimes(3);
      finish();
      await jest.advanceTimersByTimeAsync(0);
      expect(calls).toEqual(['sent 1', 'sent 2']);
    });

    it('with 0, drains at once on every wake', async () => {
      const { store, calls, commit } = await started({ OUTBOX_WAKE_COALESCE_MS: '0' });
      for (let position = 1; position <= 3; position++) {
        commit(position);
        expect(store.claim).toHaveBeenCalledTimes(position + 1);
        await jest.advanceTimersByTimeAsync(0);
      }
      expect(calls).toEqual(['sent 1', 'sent 2', 'sent 3']);
    });

    it('claims nothing after stop, even with a coalesced drain pending', async () => {
      const { relay, store, commit } = await started();
      commit(1);
      await relay.onModuleDestroy();
      expect(jest.getTimerCount()).toBe(0);
      await jest.advanceTimersByTimeAsync(5000); // past the coalescing interval and several polls
      expect(store.claim).toHaveBeenCalledTimes(1);
    });
  });
});

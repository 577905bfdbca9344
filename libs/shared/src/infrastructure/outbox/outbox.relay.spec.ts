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

function setUp(deliver: (messages: ClaimedMessage[]) => Promise<DeliveryResult[]>, due: ClaimedMessage[]) {
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
  const config = AppConfig.parse({ JOB_BACKOFF_MS: '100', OUTBOX_BATCH_SIZE: '10' });
  const relay = new OutboxRelay(store as unknown as OutboxStore, publisher, config, clock);
  return { relay, calls, clock, store };
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
});

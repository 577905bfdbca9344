import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  Clock,
  createIntegrationEvent,
  EventOutbox,
  EventPublisher,
  OutboxMessageRecord,
  OutboxRelay,
  OutboxStore,
  QUEUES,
  UnitOfWork,
} from '@fluentpro/shared';
import {
  createEventsContext,
  deleteQueueKeys,
  describeEmbedded,
  eventsTestConfig,
  REDIS_URL,
  TestHandler,
  uniqueQueuePrefix,
} from '../support/events-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { sleep, waitFor } from '../support/wait-for';

jest.setTimeout(60_000);

const TYPE = 'authentication.profile-updated.v1';
const newEvent = (n: number) => createIntegrationEvent(TYPE, { userId: `user-${n}` });

/**
 * Two relays: on PostgreSQL in two application contexts (two connection pools, as two processes
 * would have); on SQLite, which is single-process, two relay instances in one process.
 */
describe('Outbox relay', () => {
  const prefix = uniqueQueuePrefix();
  let database: TestDatabase;
  let first: INestApplicationContext;
  let second: INestApplicationContext;
  let firstRelay: OutboxRelay;
  let secondRelay: OutboxRelay;

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = eventsTestConfig({
      ...database.env,
      QUEUE_PREFIX: prefix,
      OUTBOX_RELAY_ENABLED: 'false',
      OUTBOX_BATCH_SIZE: '7',
    });
    first = await createEventsContext(config);
    firstRelay = first.get(OutboxRelay);
    if (database.kind === 'postgres') {
      second = await createEventsContext(config, [], false);
      secondRelay = second.get(OutboxRelay);
    } else {
      second = first;
      const get = <T>(token: abstract new (...args: never[]) => T) => first.get(token, { strict: false });
      secondRelay = new OutboxRelay(get(OutboxStore), get(EventPublisher), config, get(Clock));
    }
  });
  afterAll(async () => {
    if (second !== first) await second?.close();
    await first?.close();
    await database?.drop();
    await deleteQueueKeys(prefix);
  });

  const rows = () => first.get(DataSource).getRepository(OutboxMessageRecord).find();
  const clear = () => first.get(DataSource).query('DELETE FROM "outbox_messages"');

  /** Records what a relay asks its publisher to deliver, slowing it down so the relays overlap. */
  function recordDeliveries(relay: OutboxRelay): string[] {
    const publisher = (relay as unknown as { publisher: EventPublisher }).publisher;
    const delivered: string[] = [];
    const deliver = publisher.deliver.bind(publisher);
    (relay as unknown as { publisher: EventPublisher }).publisher = Object.assign(Object.create(publisher), {
      deliver: async (messages: Parameters<EventPublisher['deliver']>[0]) => {
        delivered.push(...messages.map((message) => message.event.id));
        await sleep(15);
        return deliver(messages);
      },
    });
    return delivered;
  }

  it('two relays (two processes on one database) publish every row exactly once', async () => {
    await clear();
    const events = Array.from({ length: 60 }, (_, n) => newEvent(n));
    await first.get(UnitOfWork).run(() => first.get(EventOutbox).record(...events));
    const byFirst = recordDeliveries(firstRelay);
    const bySecond = recordDeliveries(secondRelay);

    const drain = async (relay: OutboxRelay) => {
      while (await relay.relayBatch()) {
        // next batch
      }
    };
    await Promise.all([drain(firstRelay), drain(secondRelay)]);

    const published = [...byFirst, ...bySecond];
    expect(published).toHaveLength(60);
    expect(new Set(published)).toEqual(new Set(events.map((event) => event.id)));
    expect(byFirst.length).toBeGreaterThan(0);
    expect(bySecond.length).toBeGreaterThan(0);
    expect((await rows()).every((row) => row.publishedAt !== null)).toBe(true);
    if (REDIS_URL) {
      const queue = first.get<Queue>(getQueueToken(QUEUES.integrationEvents), { strict: false });
      const jobs = await queue.getJobs(['waiting']);
      expect(jobs.filter((job) => events.some((event) => event.id === job.id))).toHaveLength(60);
      expect(jobs.find((job) => job.id === events[0].id)?.data).toEqual(events[0]);
      expect(jobs.find((job) => job.id === events[0].id)?.name).toBe(TYPE);
    }
  });

  it('skips rows leased to another relay, and takes them over once the lease has run out', async () => {
    await clear();
    const [held, expired] = [newEvent(100), newEvent(101)];
    await first.get(UnitOfWork).run(() => first.get(EventOutbox).record(held, expired));
    const lease = (eventId: string, until: Date) =>
      first
        .get(DataSource)
        .getRepository(OutboxMessageRecord)
        .update({ eventId }, { lockedBy: 'crashed-relay', lockedUntil: until });
    await lease(held.id, new Date(Date.now() + 60_000));
    await lease(expired.id, new Date(Date.now() - 1000));

    const delivered = recordDeliveries(secondRelay);
    await secondRelay.relayBatch();

    expect(delivered).toEqual([expired.id]);
    const byId = new Map((await rows()).map((row) => [row.eventId, row]));
    expect(byId.get(expired.id)?.publishedAt).not.toBeNull();
    expect(byId.get(held.id)?.publishedAt).toBeNull();
  });
});

describeEmbedded('In-process delivery (embedded mode, no REDIS_URL)', () => {
  let database: TestDatabase;
  let context: INestApplicationContext;
  const seen = new TestHandler('test.order', TYPE);

  beforeAll(async () => {
    database = await createTestDatabase();
    context = await createEventsContext(eventsTestConfig(database.env), [seen]);
  });
  afterAll(async () => {
    await context?.close();
    await database?.drop();
  });

  it('runs the handlers only after the commit, in outbox order', async () => {
    const unitOfWork = context.get(UnitOfWork);
    const outbox = context.get(EventOutbox);
    const batch = [newEvent(1), newEvent(2), newEvent(3)];
    await unitOfWork.run(async () => {
      await outbox.record(batch[0]);
      await outbox.record(batch[1], batch[2]);
      await sleep(150); // the relay polls every 50 ms: nothing may run before the commit
      expect(seen.calls).toHaveLength(0);
    });
    const later = newEvent(4);
    await unitOfWork.run(() => outbox.record(later));

    await waitFor(() => seen.calls.length === 4, { what: 'four deliveries' });
    expect(seen.calls.map((event) => event.id)).toEqual([...batch, later].map((event) => event.id));
  });
});

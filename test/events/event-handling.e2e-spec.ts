import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  createIntegrationEvent,
  DeadLetterRecord,
  DeadLetterStore,
  EventDispatcher,
  EventOutbox,
  IntegrationEvent,
  OutboxMessageRecord,
  ProcessedEventRecord,
  QUEUES,
  UnitOfWork,
} from '@fluentpro/shared';
import {
  createEventsContext,
  createTestWorker,
  deleteQueueKeys,
  eventsTestConfig,
  REDIS_URL,
  TestHandler,
  uniqueQueuePrefix,
} from '../support/events-context';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { sleep, waitFor } from '../support/wait-for';

jest.setTimeout(60_000);

const TYPE = 'authentication.profile-updated.v1';

/**
 * Consumers: idempotent, retried with backoff, dead-lettered after the last attempt. Against Redis the
 * relay publishes to BullMQ and a real worker consumes; without it the API process runs the handlers.
 */
describe(`Event handling (${REDIS_URL ? 'BullMQ worker' : 'in-process'})`, () => {
  const prefix = uniqueQueuePrefix();
  let database: TestDatabase;
  let api: INestApplicationContext;
  let worker: INestApplicationContext | undefined;

  const once = new TestHandler('test.once', TYPE);
  const alwaysFails = new TestHandler('test.always-fails', 'authentication.session-revoked.v1', () =>
    Promise.reject(new Error('mail server says no')),
  );
  const failsOnce = new TestHandler('test.fails-once', 'authentication.session-revoked.v1', (_, call) =>
    call === 1 ? Promise.reject(new Error('transient')) : Promise.resolve(),
  );
  let fixed = false;
  const fixable = new TestHandler('test.fixable', TYPE, (event) =>
    (event.payload as { userId?: string }).userId === 'replayed' && !fixed
      ? Promise.reject(new Error('bug in the handler'))
      : Promise.resolve(),
  );
  const handlers = [once, alwaysFails, failsOnce, fixable];

  beforeAll(async () => {
    database = await createTestDatabase();
    const config = eventsTestConfig({ ...database.env, QUEUE_PREFIX: prefix });
    api = await createEventsContext(config, handlers);
    if (REDIS_URL) worker = await createTestWorker(config, handlers);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
    await database?.drop();
    await deleteQueueKeys(prefix);
  });

  const dataSource = () => api.get(DataSource);
  const processed = (eventId: string) => dataSource().getRepository(ProcessedEventRecord).findBy({ eventId });
  const deadLetters = (eventId: string) => dataSource().getRepository(DeadLetterRecord).findBy({ eventId });
  const publish = (...events: IntegrationEvent[]) => api.get(EventOutbox).record(...events);
  const firstDeadLetter = async (eventId: string) => {
    const [letter] = await waitFor(
      async () => {
        const letters = await deadLetters(eventId);
        return letters.length > 0 && letters;
      },
      { what: 'a dead letter', timeoutMs: 20_000 },
    );
    return letter;
  };

  it('a duplicate delivery of an event is processed once', async () => {
    const event = createIntegrationEvent(TYPE, { userId: 'duplicate' });
    await publish(event);
    const processedByOnce = async () =>
      (await processed(event.id)).filter((row) => row.handler === 'test.once');
    await waitFor(async () => (await processedByOnce()).length === 1, { what: 'first delivery' });

    // Redelivered: sequentially, then twice at the same moment (two workers, a republished job).
    const dispatcher = (worker ?? api).get(EventDispatcher);
    await dispatcher.dispatch(event, { number: 1, max: 3 });
    await Promise.all([
      dispatcher.dispatch(event, { number: 1, max: 3 }),
      dispatcher.dispatch(event, { number: 1, max: 3 }),
    ]);
    if (REDIS_URL) {
      // The same event as a second job (its first job already gone): still one run.
      const queue = api.get<Queue>(getQueueToken(QUEUES.integrationEvents), { strict: false });
      const again = await queue.add(event.type, event, { jobId: `${event.id}-again` });
      await waitFor(async () => (await again.getState()) === 'completed', { what: 'second job' });
    }

    expect(once.calls.filter((call) => call.id === event.id)).toHaveLength(1);
    expect(await processedByOnce()).toHaveLength(1);
  });

  it('a failing handler is retried with backoff, then dead-lettered; the others are not rerun', async () => {
    const event = createIntegrationEvent('authentication.session-revoked.v1', {
      userId: 'failing',
      sessionId: 's',
      reason: 'logout',
      revokedAt: new Date().toISOString(),
    });
    await publish(event);

    const letter = await firstDeadLetter(event.id);
    expect(letter).toMatchObject({
      handler: 'test.always-fails',
      eventType: event.type,
      attempts: 3,
      error: 'Error: mail server says no',
      envelope: event,
    });
    expect(alwaysFails.calls.filter((call) => call.id === event.id)).toHaveLength(3);
    // Failed once, succeeded on the retry, skipped on the last attempt: processed once.
    expect(failsOnce.calls.filter((call) => call.id === event.id)).toHaveLength(2);
    expect((await processed(event.id)).map((row) => row.handler)).toEqual(['test.fails-once']);

    if (REDIS_URL) {
      const queue = api.get<Queue>(getQueueToken(QUEUES.integrationEvents), { strict: false });
      const job = await queue.getJob(event.id);
      await waitFor(async () => (await job?.getState()) === 'failed', { what: 'the job to fail' });
      expect(job?.attemptsMade).toBe(3);
    } else {
      const settled = await waitFor(
        () => dataSource().getRepository(OutboxMessageRecord).findOneBy({ eventId: event.id, attempts: 2 }),
        { what: 'the outbox row to be settled' },
      );
      expect(settled.publishedAt).not.toBeNull();
      expect(settled.lastError).toContain('dead-lettered');
    }
    // Exponential backoff (JOB_BACKOFF_MS=50): about 50 ms, then about 100 ms between attempts.
    const times = alwaysFails.times.filter((_, index) => alwaysFails.calls[index].id === event.id);
    expect(times[1] - times[0]).toBeGreaterThanOrEqual(45);
    expect(times[2] - times[1]).toBeGreaterThanOrEqual(95);
  });

  it("an admin's replay sends a dead-lettered event back with fresh attempts; handlers that succeeded skip it", async () => {
    const event = createIntegrationEvent(TYPE, { userId: 'replayed' });
    await publish(event);
    const letter = await firstDeadLetter(event.id);
    const store = api.get(DeadLetterStore);
    const { items, total } = await store.list({ limit: 50, offset: 0 });
    expect(total).toBeGreaterThanOrEqual(1);
    const listed = items.find((item) => item.id === letter.id);
    expect(listed).toEqual({
      id: letter.id,
      queue: REDIS_URL ? QUEUES.integrationEvents : 'in-process',
      eventType: TYPE,
      attempts: 3,
      lastError: 'Error: bug in the handler',
      failedAt: letter.failedAt.toISOString(),
    });
    // With Redis a replay waits until BullMQ has moved the job to failed (409 before).
    const jobFailed = async () => {
      if (!REDIS_URL) return;
      const queue = api.get<Queue>(getQueueToken(QUEUES.integrationEvents), { strict: false });
      await waitFor(async () => (await (await queue.getJob(event.id))?.getState()) === 'failed', {
        what: 'the job to fail',
      });
    };
    await jobFailed();

    // Replayed while the handler is still broken, inside a transaction as the admin API's audited
    // replay is: the event comes back with fresh attempts and is dead-lettered again, not lost.
    const replayedInTransaction = await api.get(UnitOfWork).run(async () => {
      const job = await store.replay(letter.id);
      await sleep(300); // the audit row and the commit come after the action
      return job;
    });
    expect(replayedInTransaction).toEqual(listed);
    const again = await waitFor(
      async () => {
        const [next] = await deadLetters(event.id);
        return next?.id !== letter.id && next;
      },
      { what: 'a second dead letter', timeoutMs: 20_000 },
    );
    expect(again).toMatchObject({ handler: 'test.fixable', attempts: 3 });
    expect(fixable.calls.filter((call) => call.id === event.id)).toHaveLength(6);
    expect((await processed(event.id)).map((row) => row.handler)).toEqual(['test.once']);
    await jobFailed();

    fixed = true;
    expect(await store.replay(again.id)).toMatchObject({ id: again.id, eventType: TYPE, attempts: 3 });

    await waitFor(async () => (await processed(event.id)).some((row) => row.handler === 'test.fixable'), {
      what: 'the replayed event to be handled',
      timeoutMs: 20_000,
    });
    expect(await deadLetters(event.id)).toEqual([]);
    expect(fixable.calls.filter((call) => call.id === event.id)).toHaveLength(7);
    expect(once.calls.filter((call) => call.id === event.id)).toHaveLength(1);
    expect((await processed(event.id)).map((row) => row.handler).sort()).toEqual([
      'test.fixable',
      'test.once',
    ]);
    // Gone from the list; an unknown or already replayed id is not found.
    expect((await store.list({ limit: 50, offset: 0 })).items.map((item) => item.id)).not.toContain(again.id);
    expect(await store.replay(again.id)).toBeNull();
  });
});

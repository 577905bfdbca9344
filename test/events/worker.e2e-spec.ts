import { request as httpRequest } from 'node:http';
import { type INestApplicationContext, Logger } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import { __resetOutOfContextForTests } from 'nestjs-pino/PinoLogger';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import {
  AppConfig,
  createIntegrationEvent,
  EventOutbox,
  MAINTENANCE_JOBS,
  OpsServer,
  OutboxMessageRecord,
  ProcessedEventRecord,
  QUEUES,
} from '@fluentpro/shared';
import { NotificationsModule } from '@fluentpro/notifications';
import { createWorkerApp, WorkerRefusedToStartError } from '../../apps/worker/src/bootstrap';
import { workerContexts } from '../../apps/worker/src/worker.module';
import {
  createEventsContext,
  createTestWorker,
  deleteQueueKeys,
  describeWithRedis,
  eventsTestConfig,
  handlersModule,
  REDIS_URL,
  TestHandler,
  uniqueQueuePrefix,
} from '../support/events-context';
import { signUpBody } from '../support/factories';
import { LogCapture } from '../support/log-capture';
import { TcpProxy } from '../support/tcp-proxy';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';
import { sleep, waitFor } from '../support/wait-for';

jest.setTimeout(60_000);

const TYPE = 'authentication.profile-updated.v1';

/** GET on the worker's ops port. */
function opsGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    httpRequest({ host: '127.0.0.1', port, path }, (response) => {
      let body = '';
      response.on('data', (chunk: Buffer) => (body += chunk.toString()));
      response.on('end', () => resolve({ status: response.statusCode!, body }));
    })
      .on('error', reject)
      .end();
  });
}

describe('Worker start-up checks', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
    // Migrated, as the API would have done (the worker leaves migrations to it).
    await (await createEventsContext(eventsTestConfig({ ...database.env, REDIS_URL: '' }))).close();
  });
  afterAll(() => database.drop());

  it('refuses to start without REDIS_URL', async () => {
    const config = eventsTestConfig({ ...database.env, REDIS_URL: '' });
    await expect(createWorkerApp(config)).rejects.toThrow(/REDIS_URL is not set/);
  });

  describeWithRedis('with Redis', () => {
    const prefix = uniqueQueuePrefix();
    let config: AppConfig;
    beforeAll(() => {
      config = eventsTestConfig({ ...database.env, QUEUE_PREFIX: prefix });
    });
    afterAll(() => deleteQueueKeys(prefix));

    it('refuses to start when a maintenance job has no task', async () => {
      const attempt = createWorkerApp(config, [NotificationsModule.forRoot(config)]);
      await expect(attempt).rejects.toBeInstanceOf(WorkerRefusedToStartError);
      await expect(attempt).rejects.toThrow(/job "purge-expired-sessions": no MaintenanceTask provider/);
    });

    it('refuses to start when a handler listens to an event type no job carries', async () => {
      const typo = new TestHandler('test.typo', 'authentication.user-registerd.v1');
      await expect(
        createWorkerApp(config, [...workerContexts(config), handlersModule([typo])]),
      ).rejects.toThrow(/handler "test\.typo" listens to "authentication\.user-registerd\.v1"/);
    });
  });
});

describeWithRedis('Worker (BullMQ)', () => {
  const prefix = uniqueQueuePrefix();
  let database: TestDatabase;
  let config: AppConfig;
  let api: INestApplicationContext;

  beforeAll(async () => {
    database = await createTestDatabase();
    config = eventsTestConfig({ ...database.env, QUEUE_PREFIX: prefix, MAINTENANCE_INTERVAL_MINUTES: '30' });
    api = await createEventsContext(config);
  });
  afterAll(async () => {
    await api?.close();
    await database?.drop();
    await deleteQueueKeys(prefix);
  });

  it('registers the repeatable maintenance jobs and runs them', async () => {
    const worker = await createTestWorker(config);
    try {
      const queue = api.get<Queue>(getQueueToken(QUEUES.maintenance), { strict: false });
      const schedulers = await queue.getJobSchedulers();
      expect(schedulers.map((scheduler) => scheduler.key).sort()).toEqual(
        [MAINTENANCE_JOBS.purgeDeliveredEvents, MAINTENANCE_JOBS.purgeExpiredSessions].sort(),
      );
      expect(schedulers.every((scheduler) => Number(scheduler.every) === 30 * 60_000)).toBe(true);

      const job = await queue.add(MAINTENANCE_JOBS.purgeExpiredSessions, {});
      await waitFor(async () => (await job.getState()) === 'completed', { what: 'the purge job' });
      expect((await queue.getJob(job.id!))?.returnvalue).toBe(0);
    } finally {
      await worker.close();
    }
  });

  it('logs JSON lines with the event correlation id and answers its probes and metrics on METRICS_PORT', async () => {
    const logs = new LogCapture();
    const handled = new TestHandler('test.logged', TYPE, () => {
      new Logger('TestHandler').log('handled the event');
      return Promise.resolve();
    });
    const workerConfig = eventsTestConfig({
      ...database.env,
      QUEUE_PREFIX: prefix,
      LOG_LEVEL: 'info',
      METRICS_PORT: '0',
      METRICS_HOST: '127.0.0.1',
    });
    // nestjs-pino writes through the first pino logger of the process; earlier tests started workers.
    __resetOutOfContextForTests();
    const worker = await createWorkerApp(
      workerConfig,
      [...workerContexts(workerConfig), handlersModule([handled])],
      { logDestination: logs },
    );
    try {
      const event = createIntegrationEvent(TYPE, { userId: 'logged' }, { correlationId: 'worker-log-1' });
      await api.get(EventOutbox).record(event);
      await waitFor(() => logs.matching({ msg: 'handled the event' }).length === 1, {
        what: 'the log line of the handler',
      });
      expect(logs.matching({ msg: 'handled the event' })[0]).toMatchObject({
        level: 'info',
        service: 'worker',
        request_id: 'worker-log-1',
        context: 'TestHandler',
      });
      expect(logs.raw.every((line) => line.startsWith('{'))).toBe(true);

      const port = worker.get(OpsServer).port!;
      const get = (path: string) => opsGet(port, path);
      expect(await get('/health/live')).toEqual({ status: 200, body: '{"status":"ok"}' });
      const ready = await get('/health/ready');
      expect(ready.status).toBe(200);
      expect(JSON.parse(ready.body)).toMatchObject({ status: 'ok' });
      const metrics = await get('/metrics');
      expect(metrics.status).toBe(200);
      expect(metrics.body).toContain('service="worker"');
    } finally {
      await worker.close();
    }
  });

  it('keeps answering its probes on METRICS_PORT with METRICS_ENABLED=false, without /metrics', async () => {
    const workerConfig = eventsTestConfig({
      ...database.env,
      QUEUE_PREFIX: prefix,
      METRICS_ENABLED: 'false',
      METRICS_PORT: '0',
      METRICS_HOST: '127.0.0.1',
    });
    const worker = await createWorkerApp(workerConfig);
    try {
      const port = worker.get(OpsServer).port!;
      expect((await opsGet(port, '/health/live')).status).toBe(200);
      expect((await opsGet(port, '/health/ready')).status).toBe(200);
      expect((await opsGet(port, '/metrics')).status).toBe(404);
    } finally {
      await worker.close();
    }
  });

  it('shutting down mid-job lets the running job finish first', async () => {
    let finished = false;
    const slow = new TestHandler('test.slow', TYPE, async () => {
      await sleep(1000);
      finished = true;
    });
    const worker = await createTestWorker(config, [slow]);
    const event = createIntegrationEvent(TYPE, { userId: 'slow' });
    await api.get(EventOutbox).record(event);
    await waitFor(() => slow.calls.length === 1, { what: 'the job to start' });

    await worker.close();

    expect(finished).toBe(true);
    const processed = await api
      .get(DataSource)
      .getRepository(ProcessedEventRecord)
      .findBy({ eventId: event.id });
    expect(processed.map((row) => row.handler)).toEqual(['test.slow']);
    const queue = api.get<Queue>(getQueueToken(QUEUES.integrationEvents), { strict: false });
    expect(await (await queue.getJob(event.id))?.getState()).toBe('completed');
  });
});

describeWithRedis('Redis outage', () => {
  const prefix = uniqueQueuePrefix();
  let proxy: TcpProxy;
  let t: TestApp;
  let worker: INestApplicationContext;
  const profileUpdates = new TestHandler('test.profile-updates', TYPE);

  beforeAll(async () => {
    const real = new URL(REDIS_URL!);
    proxy = new TcpProxy(real.hostname, Number(real.port || 6379));
    await proxy.start();
    t = await createTestApp({
      REDIS_URL: proxy.urlFor(REDIS_URL!),
      QUEUE_PREFIX: prefix,
      OUTBOX_POLL_INTERVAL_MS: '50',
      OUTBOX_PUBLISH_TIMEOUT_MS: '300',
      JOB_BACKOFF_MS: '50',
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    });
    // The worker reaches Redis directly: only the API loses it. Its own relay is off, or it would
    // publish the API's rows itself (which is what several relays are for, but not this test).
    worker = await createTestWorker(
      eventsTestConfig({
        ...t.database.env,
        QUEUE_PREFIX: prefix,
        OUTBOX_RELAY_ENABLED: 'false',
        WORKER_CONCURRENCY: '1',
      }),
      [profileUpdates],
    );
  });
  afterAll(async () => {
    await proxy?.start(); // if a failed expectation left Redis "down"
    await worker?.close();
    await t?.close();
    await proxy?.stop();
    await deleteQueueKeys(prefix);
  });

  it('keeps serving while Redis is down, holds the events in the outbox and delivers them all afterwards', async () => {
    const signUp = await t.request({ method: 'POST', url: '/api/v1/auth/signup', body: signUpBody() });
    expect(signUp.status).toBe(201);
    const outbox = t.app.get(DataSource).getRepository(OutboxMessageRecord);
    await waitFor(async () => (await outbox.find()).every((row) => row.publishedAt !== null), {
      what: 'the sign-up event to be published',
    });

    await proxy.stop();
    const names = ['Anna Berg', 'Bruno Costa', 'Chen Wei', 'Dara Okafor', 'Emil Novak'];
    for (const name of names) {
      const response = await t.request({
        method: 'PATCH',
        url: '/api/v1/auth/profile',
        token: signUp.body.access_token,
        body: { full_name: name },
      });
      expect(response.status).toBe(200);
    }
    await sleep(700); // several relay attempts fail meanwhile
    const pending = await outbox.find({ where: { eventType: TYPE } });
    expect(pending).toHaveLength(5);
    expect(pending.every((row) => row.publishedAt === null)).toBe(true);
    expect(pending.some((row) => row.attempts > 0 && row.lastError !== null)).toBe(true);
    const ready = await t.request({ method: 'GET', url: '/health/ready' });
    expect(ready.status).toBe(503);
    expect(ready.body.details.redis.status).toBe('down');
    expect(ready.body.details.outbox).toMatchObject({ status: 'up', pending: 5 });

    await proxy.start();
    await waitFor(() => profileUpdates.calls.length >= 5, {
      what: 'all five events delivered',
      timeoutMs: 30_000,
    });
    expect(profileUpdates.calls.map((event) => (event.payload as { fullName: string }).fullName)).toEqual(
      names,
    );
    expect(new Set(profileUpdates.calls.map((event) => event.id))).toEqual(
      new Set(pending.map((row) => row.eventId)),
    );
    await waitFor(async () => (await outbox.find()).every((row) => row.publishedAt !== null), {
      what: 'the outbox to drain',
    });
    const healthy = await t.request({ method: 'GET', url: '/health/ready' });
    expect(healthy.status).toBe(200);
    expect(healthy.body.details.outbox.pending).toBe(0);
  });
});

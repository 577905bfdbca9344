import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { getQueueToken } from '@nestjs/bullmq';
import type { Queue } from 'bullmq';
import { DataSource } from 'typeorm';
import { OutboxMessageRecord, ProcessedEventRecord, QUEUES } from '@fluentpro/shared';
import {
  createTestWorker,
  deleteQueueKeys,
  describeWithRedis,
  eventsTestConfig,
  REDIS_URL,
  uniqueQueuePrefix,
} from '../support/events-context';
import { signUpBody } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

jest.setTimeout(120_000);

const ROOT = join(__dirname, '../..');

async function signUpAndReadMailbox(t: TestApp, requestId: string) {
  const body = signUpBody({ full_name: 'Olga Petrova' });
  const signUp = await t.request({
    method: 'POST',
    url: '/api/v1/auth/signup',
    body,
    headers: { 'x-request-id': requestId },
  });
  expect(signUp.status).toBe(201);
  const mailbox = await waitFor(
    async () => {
      const response = await t.request({
        method: 'GET',
        url: `/api/v1/dev/mailbox?to=${encodeURIComponent(String(body.email))}`,
      });
      return response.body.messages?.length > 0 && response.body;
    },
    { what: 'the welcome email', timeoutMs: 20_000 },
  );
  return { email: String(body.email), userId: String(signUp.body.user.id), mailbox };
}

describe(`Welcome email on sign-up (${REDIS_URL ? 'delivered by the worker' : 'in-process'})`, () => {
  const prefix = uniqueQueuePrefix();
  let t: TestApp;
  let worker: INestApplicationContext | undefined;

  beforeAll(async () => {
    t = await createTestApp({ NODE_ENV: 'development', QUEUE_PREFIX: prefix, OUTBOX_POLL_INTERVAL_MS: '50' });
    if (REDIS_URL)
      worker = await createTestWorker(eventsTestConfig({ ...t.database.env, QUEUE_PREFIX: prefix }));
  });
  afterAll(async () => {
    await worker?.close();
    await t?.close();
    await deleteQueueKeys(prefix);
  });

  it('signing up puts one welcome email in the dev mailbox, carrying the request id', async () => {
    const { email, mailbox } = await signUpAndReadMailbox(t, 'welcome-e2e-1');
    expect(mailbox.messages).toHaveLength(1);
    expect(mailbox.messages[0]).toMatchObject({
      to: email,
      subject: 'Welcome to FluentPro',
      correlation_id: 'welcome-e2e-1',
    });
    expect(mailbox.messages[0].text).toMatch(/^Hi Olga,/);

    const dataSource = t.app.get(DataSource);
    const [row] = await dataSource
      .getRepository(OutboxMessageRecord)
      .findBy({ correlationId: 'welcome-e2e-1' });
    const processed = await dataSource.getRepository(ProcessedEventRecord).findBy({ eventId: row.eventId });
    // Each handler of the event ran once: the welcome email, and onboarding's profile creation.
    expect(processed.map((record) => record.handler).sort()).toEqual([
      'notifications.send-welcome-email',
      'onboarding.create-profile',
    ]);
    if (REDIS_URL) {
      const queue = t.app.get<Queue>(getQueueToken(QUEUES.integrationEvents), { strict: false });
      const job = await queue.getJob(row.eventId);
      expect(job?.name).toBe('authentication.user-registered.v1');
      expect(await job?.getState()).toBe('completed');
    }
  });
});

describeWithRedis('The built worker process (npm run start:worker)', () => {
  const prefix = uniqueQueuePrefix();
  let t: TestApp;
  let child: ChildProcess;
  let output = '';

  const outputShows = (text: string) =>
    waitFor(() => output.includes(text), { what: `worker output "${text}"`, timeoutMs: 20_000 });

  beforeAll(async () => {
    execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: ROOT, stdio: 'inherit' });
    t = await createTestApp({ NODE_ENV: 'development', QUEUE_PREFIX: prefix, OUTBOX_RELAY_ENABLED: 'false' });
    child = spawn(process.execPath, ['dist/apps/worker/src/main.js'], {
      cwd: ROOT,
      env: {
        ...process.env,
        ...t.database.env,
        NODE_ENV: 'test',
        LOG_LEVEL: 'info',
        NO_COLOR: '1',
        REDIS_URL,
        QUEUE_PREFIX: prefix,
        OUTBOX_POLL_INTERVAL_MS: '50',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await outputShows('FluentPro worker started');
  });
  afterAll(async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await t?.close();
    await deleteQueueKeys(prefix);
  });

  it('delivers the welcome email, logs under the request id, and stops gracefully on SIGTERM', async () => {
    // The API's relay is off: the worker's own relay publishes the row, then the worker consumes it.
    const { mailbox } = await signUpAndReadMailbox(t, 'spawned-worker-7');
    expect(mailbox.messages[0]).toMatchObject({
      subject: 'Welcome to FluentPro',
      correlation_id: 'spawned-worker-7',
    });
    // JSON lines, as the API's, each with the id of the request that caused the event.
    const linesOf = (requestId: string) =>
      output
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as { service: string; request_id?: string; msg: string })
        .filter((line) => line.request_id === requestId);
    await waitFor(
      () =>
        linesOf('spawned-worker-7').some((line) =>
          line.msg.includes('notifications.send-welcome-email handled'),
        ),
      { what: 'the handler line of the worker', timeoutMs: 20_000 },
    );
    expect(linesOf('spawned-worker-7').map((line) => line.msg)).toContainEqual(
      expect.stringMatching(/^"Welcome to FluentPro" stored in the dev mailbox/),
    );
    expect(linesOf('spawned-worker-7').every((line) => line.service === 'worker')).toBe(true);

    // 'close', not 'exit': the exit can be reported before the last of the child's output is read.
    const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
    child.kill('SIGTERM');
    await exited;
    expect(output).toContain('Workers stopped; running jobs finished');
    if (process.env.SHOW_WORKER_OUTPUT) console.log(output);
  });
});

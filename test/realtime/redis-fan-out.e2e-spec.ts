import { randomUUID } from 'node:crypto';
import type { INestApplicationContext } from '@nestjs/common';
import { RealtimePublisher } from '@fluentpro/shared';
import { createAdmin, logIn, signUpUser } from '../support/accounts';
import { createTestWorker, eventsTestConfig } from '../support/events-context';
import { answerRequiredSteps } from '../support/onboarding';
import { createTestApp, TestApp } from '../support/test-app';
import { openSocket, TestSocket } from '../support/ws-client';

/**
 * Two API instances on one database and one Redis, as two replicas behind a load balancer: what one
 * publishes reaches sockets held by the other. Needs REDIS_URL (the PostgreSQL + Redis CI run); the
 * embedded run has no Redis, and its in-process bus is covered by realtime-gateway.e2e-spec.ts.
 */
const describeWithRedis = process.env.REDIS_URL ? describe : describe.skip;

describeWithRedis('Realtime fan-out across API processes (Redis pub/sub)', () => {
  jest.setTimeout(30_000);
  let a: TestApp;
  let b: TestApp;
  const urls: Record<'a' | 'b', string> = { a: '', b: '' };
  const sockets: TestSocket[] = [];

  const connect = (on: 'a' | 'b', token: string) => {
    const socket = openSocket(urls[on], { protocols: ['bearer', token] });
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    const env = {
      REALTIME_REDIS_CHANNEL_PREFIX: `test-${randomUUID()}:`,
      REALTIME_HEARTBEAT_INTERVAL_MS: '60000',
    };
    a = await createTestApp(env);
    b = await createTestApp(env, { database: a.database });
    urls.a = (await a.listen()).ws;
    urls.b = (await b.listen()).ws;
  });
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
  });

  it('delivers an event published by one instance to the sockets on both', async () => {
    const user = await signUpUser(a);
    const [onA, onB] = [connect('a', user.accessToken), connect('b', user.accessToken)];
    await Promise.all([onA.next('ready'), onB.next('ready')]);
    await a.app.get(RealtimePublisher).publish(user.id, {
      type: 'onboarding.learning-plan-ready',
      data: { generated_at: '2026-01-01T10:00:00.000Z', item_count: 6 },
    });
    for (const socket of [onA, onB]) {
      expect((await socket.next('onboarding.learning-plan-ready')).data).toEqual({
        generated_at: '2026-01-01T10:00:00.000Z',
        item_count: 6,
      });
    }
    // And the other way round.
    await b.app.get(RealtimePublisher).publish(user.id, { type: 'test.from-b', data: { ok: true } });
    expect((await onA.next('test.from-b')).data).toEqual({ ok: true });
  });

  it('closes a socket held by one instance when its session is ended through the other', async () => {
    const user = await signUpUser(a);
    const socket = connect('b', user.accessToken);
    await socket.next('ready');
    const logout = await a.request({
      method: 'POST',
      url: '/api/v1/auth/logout/',
      token: user.accessToken,
      body: { refresh_token: user.refreshToken },
    });
    expect(logout.status).toBe(200);
    expect((await socket.next('session.revoked')).data.session_id).toBe(user.sessionId);
    expect(await socket.closed).toEqual({ code: 4409, reason: 'Session revoked' });
  });

  it('closes every socket of a user deactivated by an admin on the other instance', async () => {
    const admin = await createAdmin(b);
    const user = await signUpUser(a);
    const second = await logIn(b, user.email);
    const [onA, onB] = [connect('a', user.accessToken), connect('b', second.accessToken)];
    await Promise.all([onA.next('ready'), onB.next('ready')]);
    const response = await b.request({
      method: 'POST',
      url: `/api/v1/admin/users/${user.id}/deactivate/`,
      token: admin.accessToken,
      body: { reason: 'fan-out test' },
    });
    expect(response.body.sessions_revoked).toBe(2);
    expect((await onA.closed).code).toBe(4409);
    expect((await onB.closed).code).toBe(4409);
  });

  it('delivers what the worker publishes (learning plan ready) to a socket held by an API process', async () => {
    let worker: INestApplicationContext | undefined;
    try {
      worker = await createTestWorker(
        eventsTestConfig({
          ...a.database.env,
          QUEUE_PREFIX: a.config.env.QUEUE_PREFIX,
          REALTIME_REDIS_CHANNEL_PREFIX: a.config.env.REALTIME_REDIS_CHANNEL_PREFIX,
        }),
      );
      const user = await signUpUser(a);
      const socket = connect('b', user.accessToken);
      await socket.next('ready');
      await answerRequiredSteps(a, user.accessToken);
      expect((await socket.next('onboarding.progress-changed')).data.current_step).toBe('industry');
      const completed = await a.request({
        method: 'POST',
        url: '/api/v1/onboarding/complete/',
        token: user.accessToken,
      });
      expect(completed.status).toBe(200);
      expect((await socket.next('onboarding.learning-plan-ready', 15_000)).data).toEqual({
        generated_at: expect.any(String),
        item_count: 4,
      });
    } finally {
      await worker?.close();
    }
  });

  it('keeps delivering to a user after their last socket on an instance closed and a new one opened', async () => {
    const user = await signUpUser(a);
    const first = connect('b', user.accessToken);
    await first.next('ready');
    await first.close();
    const second = connect('b', user.accessToken);
    await second.next('ready');
    await a.app.get(RealtimePublisher).publish(user.id, { type: 'test.after-reconnect', data: {} });
    await second.next('test.after-reconnect');
  });
});

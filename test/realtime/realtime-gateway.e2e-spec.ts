import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sign } from 'jsonwebtoken';
import { DataSource } from 'typeorm';
import WebSocket from 'ws';
import { RealtimePublisher } from '@fluentpro/shared';
import { RealtimeGateway } from '../../apps/api/src/realtime/realtime.gateway';
import { createAdmin, logIn, signUpUser, TestUser } from '../support/accounts';
import { STRONG_PASSWORD } from '../support/factories';
import { answerRequiredSteps } from '../support/onboarding';
import { sampleValue } from '../support/metrics-text';
import { createTestApp, TestApp } from '../support/test-app';
import { openSocket, TestSocket } from '../support/ws-client';

const ALLOWED_ORIGIN = 'https://app.fluentpro.example';

/** Settings of the suites below; a unique channel prefix keeps Redis traffic of parallel runs apart. */
function realtimeEnv(overrides: Record<string, string> = {}): Record<string, string> {
  return {
    CORS_ORIGINS: ALLOWED_ORIGIN,
    REALTIME_REDIS_CHANNEL_PREFIX: `test-${randomUUID()}:`,
    REALTIME_AUTH_TIMEOUT_MS: '400',
    // Long, so that closes seen below are pushed, not found by the heartbeat's session recheck.
    REALTIME_HEARTBEAT_INTERVAL_MS: '60000',
    REALTIME_MAX_CONNECTIONS_PER_USER: '3',
    REALTIME_MAX_MESSAGE_BYTES: '16384',
    REALTIME_MAX_BUFFERED_BYTES: '65536',
    JWT_CLOCK_TOLERANCE_SECONDS: '0',
    ...overrides,
  };
}

async function until(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('WebSocket gateway /ws', () => {
  jest.setTimeout(30_000);
  let t: TestApp;
  let ws: string;
  const sockets: TestSocket[] = [];

  const connect = (user: TestUser | null, options: Parameters<typeof openSocket>[1] = {}) => {
    const socket = openSocket(ws, user ? { protocols: ['bearer', user.accessToken], ...options } : options);
    sockets.push(socket);
    return socket;
  };

  beforeAll(async () => {
    t = await createTestApp(realtimeEnv());
    ws = (await t.listen()).ws;
  });
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  });
  afterAll(() => t.close());

  describe('authentication at connect', () => {
    it('accepts the token as the `bearer` subprotocol and answers `ready`', async () => {
      const user = await signUpUser(t);
      const socket = connect(user);
      const ready = await socket.next('ready');
      expect(socket.socket.protocol).toBe('bearer');
      expect(ready.data).toEqual({
        user_id: user.id,
        session_id: user.sessionId,
        expires_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        heartbeat_interval_ms: 60000,
      });
    });

    it('accepts an Authorization header', async () => {
      const user = await signUpUser(t);
      const socket = connect(null, { headers: { authorization: `Bearer ${user.accessToken}` } });
      expect((await socket.next('ready')).data.user_id).toBe(user.id);
    });

    it('accepts the token in a first `authenticate` message', async () => {
      const user = await signUpUser(t);
      const socket = connect(null);
      await new Promise((resolve) => socket.socket.once('open', resolve));
      socket.send({ type: 'authenticate', access_token: user.accessToken });
      expect((await socket.next('ready')).data.session_id).toBe(user.sessionId);
    });

    it('closes with 4401 for an invalid token, in the handshake or the first message', async () => {
      const user = await signUpUser(t);
      const tampered = `${user.accessToken.slice(0, -4)}AAAA`;
      expect(await connect(null, { protocols: ['bearer', tampered] }).closed).toEqual({
        code: 4401,
        reason: 'Invalid or expired access token',
      });
      const socket = connect(null);
      await new Promise((resolve) => socket.socket.once('open', resolve));
      socket.send({ type: 'authenticate', access_token: 'not-a-jwt' });
      expect((await socket.closed).code).toBe(4401);
    });

    it('closes with 4401 when the first message is not `authenticate`, 4400 when it is not JSON', async () => {
      const first = connect(null);
      await new Promise((resolve) => first.socket.once('open', resolve));
      first.send({ type: 'ping' });
      expect(await first.closed).toEqual({ code: 4401, reason: 'Authenticate first' });
      const second = connect(null);
      await new Promise((resolve) => second.socket.once('open', resolve));
      second.send('hello');
      expect((await second.closed).code).toBe(4400);
    });

    it('closes with 4408 when no token arrives within REALTIME_AUTH_TIMEOUT_MS', async () => {
      const started = Date.now();
      expect(await connect(null).closed).toEqual({ code: 4408, reason: 'No access token received in time' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(350);
    });

    it('closes with 4409 for the token of a session already ended', async () => {
      const user = await signUpUser(t);
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/logout/',
        token: user.accessToken,
        body: { refresh_token: user.refreshToken },
      });
      expect(await connect(user).closed).toEqual({ code: 4409, reason: 'Session revoked' });
    });

    it('checks Origin against CORS_ORIGINS: 4403 for another site, accepted for a listed one', async () => {
      const user = await signUpUser(t);
      expect(await connect(user, { headers: { origin: 'https://evil.example' } }).closed).toEqual({
        code: 4403,
        reason: 'Origin not allowed',
      });
      const allowed = connect(user, { headers: { origin: ALLOWED_ORIGIN } });
      expect((await allowed.next('ready')).data.user_id).toBe(user.id);
    });

    it('closes with 4401 when the access token expires', async () => {
      const user = await signUpUser(t);
      const header = JSON.parse(Buffer.from(user.accessToken.split('.')[0], 'base64url').toString());
      const key = readFileSync(join(t.config.env.JWT_KEYS_DIR, 'signing-key.pem'), 'utf8');
      const shortLived = sign({ sid: user.sessionId }, key, {
        algorithm: 'RS256',
        keyid: header.kid,
        subject: user.id,
        issuer: t.config.env.JWT_ISSUER,
        audience: t.config.env.JWT_AUDIENCE,
        expiresIn: 2,
      });
      const socket = connect(null, { protocols: ['bearer', shortLived] });
      await socket.next('ready');
      const opened = Date.now();
      expect(await socket.closed).toEqual({ code: 4401, reason: 'Access token expired' });
      expect(Date.now() - opened).toBeGreaterThan(500);
    });

    it('extends an open socket with a fresh token of the same user, refuses another user’s', async () => {
      const user = await signUpUser(t);
      const other = await signUpUser(t);
      const socket = connect(user);
      await socket.next('ready');
      const refreshed = await t.request({
        method: 'POST',
        url: '/api/v1/auth/refresh/',
        body: { refresh_token: user.refreshToken },
      });
      socket.send({ type: 'authenticate', access_token: refreshed.body.access_token });
      expect((await socket.next('ready')).data.session_id).toBe(user.sessionId);
      socket.send({ type: 'authenticate', access_token: other.accessToken });
      expect(await socket.closed).toEqual({ code: 4401, reason: 'The token belongs to another user' });
    });
  });

  describe('delivery', () => {
    it('delivers a published event to every socket of that user and to no one else', async () => {
      const alice = await signUpUser(t);
      const aliceOnPhone = await logIn(t, alice.email);
      const bob = await signUpUser(t);
      const [a1, a2, b] = [connect(alice), connect(aliceOnPhone), connect(bob)];
      await Promise.all([a1.next('ready'), a2.next('ready'), b.next('ready')]);
      await t.app.get(RealtimePublisher).publish(alice.id, {
        type: 'onboarding.progress-changed',
        data: { current_step: 'industry', progress_percentage: 17 },
      });
      for (const socket of [a1, a2]) {
        expect(await socket.next('onboarding.progress-changed')).toEqual({
          type: 'onboarding.progress-changed',
          data: { current_step: 'industry', progress_percentage: 17 },
          id: expect.any(String),
          occurred_at: expect.any(String),
        });
      }
      b.send({ type: 'ping' });
      await b.next('pong');
      expect(b.messages.map((message) => message.type)).toEqual(['ready', 'pong']);
    });

    it('tells every socket of the learner when onboarding progress changes', async () => {
      const user = await signUpUser(t);
      const other = await logIn(t, user.email);
      const [laptop, phone] = [connect(user), connect(other)];
      await Promise.all([laptop.next('ready'), phone.next('ready')]);
      const saved = await t.request({
        method: 'PUT',
        url: '/api/v1/onboarding/native-language/',
        token: other.accessToken,
        body: { native_language: 'english' },
      });
      expect(saved.status).toBe(200);
      for (const socket of [laptop, phone]) {
        expect((await socket.next('onboarding.progress-changed')).data).toEqual({
          current_step: 'industry',
          next_step: 'role',
          completed_steps: ['native_language'],
          progress_percentage: 17,
          is_complete: false,
        });
      }
    });

    // Embedded, the API builds the plan itself; with Redis the worker does (redis-fan-out.e2e-spec.ts).
    (process.env.REDIS_URL ? it.skip : it)('tells the learner when the learning plan is ready', async () => {
      const user = await signUpUser(t);
      const socket = connect(user);
      await socket.next('ready');
      await answerRequiredSteps(t, user.accessToken);
      const completed = await t.request({
        method: 'POST',
        url: '/api/v1/onboarding/complete/',
        token: user.accessToken,
      });
      expect(completed.status).toBe(200);
      const ready = await socket.next('onboarding.learning-plan-ready', 10_000);
      expect(ready.data).toEqual({ generated_at: expect.any(String), item_count: 4 });
      const plan = await t.request({
        method: 'GET',
        url: '/api/v1/onboarding/learning-plan/',
        token: user.accessToken,
      });
      expect(plan.body).toMatchObject({ status: 'ready', generated_at: ready.data.generated_at });
      expect(plan.body.items).toHaveLength(4);
    });

    it('answers ping with pong and unknown messages with an error, staying open', async () => {
      const user = await signUpUser(t);
      const socket = connect(user);
      await socket.next('ready');
      socket.send({ type: 'ping' });
      await socket.next('pong');
      socket.send({ type: 'subscribe', channel: 'everything' });
      expect((await socket.next('error')).data.message).toBe('Unknown message type: subscribe');
      expect(socket.socket.readyState).toBe(WebSocket.OPEN);
    });

    it('drops an event larger than REALTIME_MAX_MESSAGE_BYTES instead of sending it', async () => {
      const user = await signUpUser(t);
      const socket = connect(user);
      await socket.next('ready');
      const publisher = t.app.get(RealtimePublisher);
      await publisher.publish(user.id, { type: 'test.huge', data: { blob: 'x'.repeat(20_000) } });
      await publisher.publish(user.id, { type: 'test.small', data: {} });
      await socket.next('test.small');
      expect(socket.messages.some((message) => message.type === 'test.huge')).toBe(false);
    });
  });

  describe('revocation closes the socket of the session with 4409', () => {
    it('on logout', async () => {
      const user = await signUpUser(t);
      const socket = connect(user);
      await socket.next('ready');
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/logout/',
        token: user.accessToken,
        body: { refresh_token: user.refreshToken },
      });
      const notice = await socket.next('session.revoked');
      expect(notice.data).toEqual({
        session_id: user.sessionId,
        reason: 'logout',
        revoked_at: expect.any(String),
      });
      expect(await socket.closed).toEqual({ code: 4409, reason: 'Session revoked' });
    });

    it('on DELETE sessions/{id}: that session’s socket closes, the caller’s hears it and stays', async () => {
      const laptop = await signUpUser(t);
      const phone = await logIn(t, laptop.email);
      const [onLaptop, onPhone] = [connect(laptop), connect(phone)];
      await Promise.all([onLaptop.next('ready'), onPhone.next('ready')]);
      const response = await t.request({
        method: 'DELETE',
        url: `/api/v1/auth/sessions/${phone.sessionId}/`,
        token: laptop.accessToken,
      });
      expect(response.status).toBe(200);
      expect(await onPhone.closed).toEqual({ code: 4409, reason: 'Session revoked' });
      expect((await onLaptop.next('session.revoked')).data).toMatchObject({
        session_id: phone.sessionId,
        reason: 'revoked-by-user',
      });
      expect(onLaptop.socket.readyState).toBe(WebSocket.OPEN);
    });

    it('on logout-all and on a password change (which spares the caller’s session)', async () => {
      const first = await signUpUser(t);
      const second = await logIn(t, first.email);
      const [a, b] = [connect(first), connect(second)];
      await Promise.all([a.next('ready'), b.next('ready')]);
      await t.request({
        method: 'POST',
        url: '/api/v1/auth/password/',
        token: first.accessToken,
        body: { current_password: STRONG_PASSWORD, new_password: 'An0ther!Passw0rd' },
      });
      expect((await b.closed).code).toBe(4409);
      expect(a.socket.readyState).toBe(WebSocket.OPEN);
      await t.request({ method: 'POST', url: '/api/v1/auth/logout-all/', token: first.accessToken });
      expect((await a.closed).code).toBe(4409);
    });

    it('on deactivation by an admin, for every socket of the user', async () => {
      const admin = await createAdmin(t);
      const user = await signUpUser(t);
      const again = await logIn(t, user.email);
      const [a, b] = [connect(user), connect(again)];
      await Promise.all([a.next('ready'), b.next('ready')]);
      const response = await t.request({
        method: 'POST',
        url: `/api/v1/admin/users/${user.id}/deactivate/`,
        token: admin.accessToken,
        body: {},
      });
      expect(response.status).toBe(200);
      expect(await a.closed).toEqual({ code: 4409, reason: 'Session revoked' });
      expect(await b.closed).toEqual({ code: 4409, reason: 'Session revoked' });
      for (const socket of [a, b])
        expect((await socket.next('session.revoked')).data.reason).toBe('account-deactivated');
    });
  });

  describe('metrics', () => {
    it('exposes open sockets and closes by code to Prometheus', async () => {
      const scrape = async () => (await t.request({ method: 'GET', url: '/metrics' })).body as string;
      const before = await scrape();
      const user = await signUpUser(t);
      const open = connect(user);
      await open.next('ready');
      expect(await connect(null, { protocols: ['bearer', 'not-a-jwt'] }).closed).toMatchObject({
        code: 4401,
      });
      // The server counts the close once its side of the socket has closed too.
      const closesBefore = sampleValue(before, 'fluentpro_websocket_closes_total', { code: '4401' });
      let after = await scrape();
      for (
        let i = 0;
        i < 100 && sampleValue(after, 'fluentpro_websocket_closes_total', { code: '4401' }) === closesBefore;
        i += 1
      ) {
        await new Promise((resolve) => setTimeout(resolve, 20));
        after = await scrape();
      }
      expect(sampleValue(after, 'fluentpro_websocket_connections')).toBe(
        t.app.get(RealtimeGateway).openSocketCount(),
      );
      expect(sampleValue(after, 'fluentpro_websocket_connections')).toBeGreaterThanOrEqual(1);
      expect(sampleValue(after, 'fluentpro_websocket_closes_total', { code: '4401' })).toBe(closesBefore + 1);
    });
  });

  describe('limits', () => {
    it('closes a socket beyond REALTIME_MAX_CONNECTIONS_PER_USER with 4429', async () => {
      const user = await signUpUser(t);
      const open = [connect(user), connect(user), connect(user)];
      await Promise.all(open.map((socket) => socket.next('ready')));
      expect(await connect(user).closed).toEqual({
        code: 4429,
        reason: 'Too many open sockets for this user',
      });
      await open[0].close();
      await until(() => t.app.get(RealtimeGateway).openSocketCount(user.id) === 2);
      await connect(user).next('ready');
    });

    it('closes with 1009 on a client message larger than REALTIME_MAX_MESSAGE_BYTES', async () => {
      const user = await signUpUser(t);
      const socket = connect(user);
      await socket.next('ready');
      socket.send({ type: 'ping', padding: 'x'.repeat(20_000) });
      expect((await socket.closed).code).toBe(1009);
    });

    it('disconnects a client that stops reading (4413) instead of queueing without bound', async () => {
      const user = await signUpUser(t);
      const socket = connect(user);
      await socket.next('ready');
      const gateway = t.app.get(RealtimeGateway);
      const publisher = t.app.get(RealtimePublisher);
      // The client stops reading: kernel buffers fill, then the server-side send queue.
      (socket.socket as unknown as { _socket: { pause(): void } })._socket.pause();
      const blob = 'x'.repeat(15_000);
      let published = 0;
      while (gateway.openSocketCount(user.id) === 1 && published < 4000) {
        await publisher.publish(user.id, { type: 'test.bulk', data: { n: published, blob } });
        published += 1;
      }
      expect(gateway.openSocketCount(user.id)).toBe(0);
      (socket.socket as unknown as { _socket: { resume(): void } })._socket.resume();
      expect(await socket.closed).toEqual({
        code: 4413,
        reason: 'Send queue full: the client is not reading fast enough',
      });
      // Everything it did receive arrived in order, and it did not receive everything.
      const received = socket.messages.filter((m) => m.type === 'test.bulk').map((m) => m.data.n);
      expect(received).toEqual(received.map((_, i) => i));
      expect(received.length).toBeLessThan(published);
    });
  });
});

describe('WebSocket heartbeat', () => {
  let t: TestApp;
  let ws: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    t = await createTestApp(realtimeEnv({ REALTIME_HEARTBEAT_INTERVAL_MS: '300' }));
    ws = (await t.listen()).ws;
  });
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  });
  afterAll(() => t.close());

  it('pings, sends heartbeat messages, and keeps a responsive client', async () => {
    const user = await signUpUser(t);
    const socket = openSocket(ws, { protocols: ['bearer', user.accessToken] });
    sockets.push(socket);
    let pings = 0;
    socket.socket.on('ping', () => (pings += 1));
    await socket.next('ready');
    expect((await socket.next('heartbeat')).data.at).toEqual(expect.any(String));
    await socket.next('heartbeat');
    await socket.next('heartbeat');
    expect(pings).toBeGreaterThanOrEqual(2);
    expect(socket.socket.readyState).toBe(WebSocket.OPEN);
  });

  it('drops a client that does not answer pings', async () => {
    const user = await signUpUser(t);
    const socket = new WebSocket(`${ws}/ws`, ['bearer', user.accessToken], { autoPong: false });
    socket.on('error', () => undefined);
    const code = await new Promise<number>((resolve) =>
      socket.on('close', (closeCode) => resolve(closeCode)),
    );
    expect(code).toBe(1006);
  });

  it('closes the socket of a session ended without a notice (found by the recheck)', async () => {
    const user = await signUpUser(t);
    const socket = openSocket(ws, { protocols: ['bearer', user.accessToken] });
    sockets.push(socket);
    await socket.next('ready');
    const placeholder = t.database.kind === 'postgres' ? '$1' : '?';
    await t.app
      .get(DataSource)
      .query(`UPDATE sessions SET revoked_at = CURRENT_TIMESTAMP WHERE id = ${placeholder}`, [
        user.sessionId,
      ]);
    expect(await socket.closed).toEqual({ code: 4409, reason: 'Session no longer active' });
    expect(socket.messages.some((message) => message.type === 'session.revoked')).toBe(false);
  });
});

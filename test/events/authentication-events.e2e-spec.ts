import { DataSource } from 'typeorm';
import { createIntegrationEvent, EventOutbox, OutboxMessageRecord, UnitOfWork } from '@fluentpro/shared';
import { deleteQueueKeys, uniqueQueuePrefix } from '../support/events-context';
import { signUpBody, STRONG_PASSWORD } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(30_000);

/**
 * The authentication context records its integration events in the transaction that saves the
 * aggregate; here with the relay switched off, so the outbox rows stay where the command left them.
 */
describe('Authentication integration events (transactional outbox)', () => {
  const prefix = uniqueQueuePrefix();
  let t: TestApp;
  let outboxRows: () => Promise<OutboxMessageRecord[]>;

  beforeAll(async () => {
    t = await createTestApp({
      OUTBOX_RELAY_ENABLED: 'false',
      QUEUE_PREFIX: prefix,
      REFRESH_TOKEN_REUSE_INTERVAL_SECONDS: '0',
    });
    const repository = t.app.get(DataSource).getRepository(OutboxMessageRecord);
    outboxRows = () => repository.find({ order: { position: 'ASC' } });
  });
  afterAll(async () => {
    await t.close();
    await deleteQueueKeys(prefix);
  });

  const eventsOf = async (userId: string) =>
    (await outboxRows()).filter((row) => (row.payload as { userId?: string }).userId === userId);

  it('sign-up writes user-registered with the request id as correlation id', async () => {
    const body = signUpBody({ full_name: 'Maria Garcia' });
    const response = await t.request({
      method: 'POST',
      url: '/api/v1/auth/signup/',
      body,
      headers: { 'x-request-id': 'signup-request-1' },
    });
    expect(response.status).toBe(201);

    const [row, ...others] = await eventsOf(response.body.user.id);
    expect(others).toHaveLength(0);
    expect(row).toMatchObject({
      eventType: 'authentication.user-registered.v1',
      correlationId: 'signup-request-1',
      publishedAt: null,
      payload: { userId: response.body.user.id, email: body.email, fullName: 'Maria Garcia' },
    });
  });

  it('a refused sign-up (email taken) writes no event', async () => {
    const body = signUpBody();
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/signup', body })).status).toBe(201);
    const before = (await outboxRows()).length;
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/signup', body })).status).toBe(409);
    expect(await outboxRows()).toHaveLength(before);
  });

  it('a rolled-back unit of work leaves no outbox row; a committed one leaves exactly its rows', async () => {
    const unitOfWork = t.app.get(UnitOfWork);
    const outbox = t.app.get(EventOutbox);
    const doomed = createIntegrationEvent('authentication.profile-updated.v1', { userId: 'rolled-back' });
    await expect(
      unitOfWork.run(async () => {
        await outbox.record(doomed);
        throw new Error('the command fails after recording its event');
      }),
    ).rejects.toThrow('the command fails');
    expect((await outboxRows()).some((row) => row.eventId === doomed.id)).toBe(false);

    const kept = createIntegrationEvent('authentication.profile-updated.v1', { userId: 'committed' });
    await unitOfWork.run(() => outbox.record(kept));
    expect((await outboxRows()).filter((row) => row.eventId === kept.id)).toHaveLength(1);
  });

  it('log-in, profile update, refresh-token reuse and log-out each record their event', async () => {
    const body = signUpBody();
    const signUp = await t.request({ method: 'POST', url: '/api/v1/auth/signup', body });
    const userId: string = signUp.body.user.id;
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login',
      body: { email: body.email, password: STRONG_PASSWORD },
    });
    expect(login.status).toBe(200);
    const patch = await t.request({
      method: 'PATCH',
      url: '/api/v1/auth/profile',
      token: login.body.access_token,
      body: { full_name: 'Jane Roe' },
    });
    expect(patch.status).toBe(200);

    // Presenting the sign-up refresh token again after it rotated is a reuse: its session is revoked.
    const refresh = (token: string) =>
      t.request({ method: 'POST', url: '/api/v1/auth/refresh', body: { refresh_token: token } });
    expect((await refresh(signUp.body.refresh_token)).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect((await refresh(signUp.body.refresh_token)).status).toBe(401);

    const logout = await t.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      token: login.body.access_token,
      body: { refresh_token: login.body.refresh_token },
    });
    expect(logout.status).toBe(200);
    // Logging out again revokes nothing new, so it records nothing.
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/logout',
      token: login.body.access_token,
      body: { refresh_token: login.body.refresh_token },
    });

    const events = await eventsOf(userId);
    expect(events.map((row) => row.eventType)).toEqual([
      'authentication.user-registered.v1',
      'authentication.user-logged-in.v1',
      'authentication.profile-updated.v1',
      'authentication.session-revoked.v1',
      'authentication.session-revoked.v1',
    ]);
    const sessionOf = (token: string) =>
      JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid as string;
    expect(events[1].payload).toMatchObject({ userId, sessionId: sessionOf(login.body.access_token) });
    expect(events[2].payload).toMatchObject({ userId, fullName: 'Jane Roe', dateOfBirth: '1990-01-15' });
    expect(events[3].payload).toMatchObject({
      userId,
      sessionId: sessionOf(signUp.body.access_token),
      reason: 'refresh-token-reuse',
    });
    expect(events[4].payload).toMatchObject({
      userId,
      sessionId: sessionOf(login.body.access_token),
      reason: 'logout',
    });
  });

  it('/health/ready shows the outbox backlog', async () => {
    const response = await t.request({ method: 'GET', url: '/health/ready' });
    const pending = (await outboxRows()).filter((row) => row.publishedAt === null).length;
    expect(pending).toBeGreaterThan(0);
    expect(response.body.details.outbox).toMatchObject({ status: 'up', pending });
    expect(response.body.details.outbox.oldest_pending_seconds).toEqual(expect.any(Number));
  });
});

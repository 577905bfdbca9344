import { DataSource } from 'typeorm';
import { MaintenanceRunner, OutboxMessageRecord, ProcessedEventRecord } from '@fluentpro/shared';
import { deleteQueueKeys, uniqueQueuePrefix } from '../support/events-context';
import { signUpBody } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

jest.setTimeout(30_000);

const DAY = 86_400_000;
const sessionOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()).sid as string;

describe('Repeatable purge (maintenance jobs)', () => {
  const prefix = uniqueQueuePrefix();
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp({ OUTBOX_RELAY_ENABLED: 'false', QUEUE_PREFIX: prefix, RETENTION_DAYS: '7' });
  });
  afterAll(async () => {
    await t.close();
    await deleteQueueKeys(prefix);
  });

  it('removes expired sessions, sessions revoked before the retention and old delivered events only', async () => {
    const dataSource = t.app.get(DataSource);
    const sessions: string[] = [];
    for (let n = 0; n < 4; n += 1) {
      const response = await t.request({ method: 'POST', url: '/api/v1/auth/signup', body: signUpBody() });
      sessions.push(sessionOf(response.body.access_token));
    }
    const [expired, revokedLongAgo, revokedYesterday, active] = sessions;
    const now = Date.now();
    const setSession = (id: string, changes: Record<string, Date>) =>
      dataSource.createQueryBuilder().update('sessions').set(changes).where('id = :id', { id }).execute();
    await setSession(expired, { expiresAt: new Date(now - 60_000) });
    await setSession(revokedLongAgo, { revokedAt: new Date(now - 10 * DAY) });
    await setSession(revokedYesterday, { revokedAt: new Date(now - DAY) });

    const outbox = dataSource.getRepository(OutboxMessageRecord);
    const [oldSent, recentSent, pending, oldPending] = await outbox.find({ order: { position: 'ASC' } });
    await outbox.update({ eventId: oldSent.eventId }, { publishedAt: new Date(now - 8 * DAY) });
    await outbox.update({ eventId: recentSent.eventId }, { publishedAt: new Date(now - DAY) });
    await outbox.update({ eventId: oldPending.eventId }, { createdAt: new Date(now - 30 * DAY) });
    const processed = dataSource.getRepository(ProcessedEventRecord);
    await processed.insert([
      { eventId: oldSent.eventId, handler: 'test.old', processedAt: new Date(now - 8 * DAY) },
      { eventId: recentSent.eventId, handler: 'test.recent', processedAt: new Date(now - DAY) },
    ]);

    await t.app.get(MaintenanceRunner).runAll('test');

    const remainingSessions = await dataSource.query<{ id: string }[]>('SELECT "id" FROM "sessions"');
    expect(remainingSessions.map((row) => row.id).sort()).toEqual([revokedYesterday, active].sort());
    expect((await outbox.find()).map((row) => row.eventId).sort()).toEqual(
      [recentSent.eventId, pending.eventId, oldPending.eventId].sort(),
    );
    expect((await processed.find()).map((row) => row.handler)).toEqual(['test.recent']);
  });
});

import { DataSource, IsNull } from 'typeorm';
import { SessionRepository } from '../../libs/authentication/src/application/ports/session.repository';
import type { Session } from '../../libs/authentication/src/domain/session.aggregate';
import { SessionRecord } from '../../libs/authentication/src/infrastructure/persistence/session.orm-entity';
import { signUpBody } from '../support/factories';
import { rawRows } from '../support/raw-rows';
import { createTestApp, TestApp } from '../support/test-app';

// The session repository's hand-written rotation UPDATE, on the configured database, against what
// TypeORM's update() wrote before it: the same values, stored the same way.
describe('TypeOrmSessionRepository.saveRotation', () => {
  let t: TestApp;
  let sessions: SessionRepository;
  let dataSource: DataSource;

  beforeAll(async () => {
    t = await createTestApp();
    sessions = t.app.get(SessionRepository, { strict: false });
    dataSource = t.app.get(DataSource);
  });

  afterAll(async () => {
    await t?.close();
  });

  /** Two sessions of one user: the sign-up's and a login's. */
  async function twoSessions(): Promise<[Session, Session]> {
    const body = signUpBody();
    const signUp = await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body });
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login/',
      body: { email: body.email, password: body.password },
    });
    const ids = [signUp, login].map((answer) => {
      const token = answer.body.access_token as string;
      return (JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString()) as { sid: string }).sid;
    });
    const found = await Promise.all(ids.map((id) => sessions.findById(id)));
    return found as [Session, Session];
  }

  /** A session's row as stored (with, on SQLite, each value's storage class). */
  async function stored(id: string) {
    return (await rawRows(dataSource, 'sessions', 'id')).find((row) => row.id === id);
  }

  /** Its row but for what differs between two sessions of one user (id, creation, expiry). */
  async function rotationOf(id: string) {
    const own = ['id', 'created_at', 'expires_at'];
    return Object.fromEntries(
      Object.entries((await stored(id))!).filter(([column]) => !own.includes(column)),
    );
  }

  it('writes what the query builder wrote, and reads back the same session', async () => {
    const [byBuilder, byHand] = await twoSessions();
    const now = new Date('2026-12-04T19:55:01.234Z');
    const next = 'b'.repeat(64);
    const expected = [byBuilder.refreshTokenHash, byHand.refreshTokenHash];
    byBuilder.rotate(next, now);
    byHand.rotate(next, now);

    const { refreshTokenHash, rotatedAt, lastUsedAt } = byBuilder.snapshot();
    const builder = await dataSource
      .getRepository(SessionRecord)
      .update(
        { id: byBuilder.id, refreshTokenHash: expected[0], revokedAt: IsNull() },
        { refreshTokenHash, rotatedAt, lastUsedAt },
      );
    expect(builder.affected).toBe(1);
    await expect(sessions.saveRotation(byHand, expected[1])).resolves.toBe(true);

    expect(await rotationOf(byHand.id)).toEqual(await rotationOf(byBuilder.id));
    const readBack = await sessions.findById(byHand.id);
    expect(readBack?.snapshot()).toEqual(byHand.snapshot());
  });

  it('changes nothing and answers false for a stale expected hash or a revoked session', async () => {
    const [session] = await twoSessions();
    const current = session.refreshTokenHash;
    const before = await stored(session.id);

    session.rotate('c'.repeat(64), new Date());
    await expect(sessions.saveRotation(session, 'not-the-stored-hash')).resolves.toBe(false);
    expect(await stored(session.id)).toEqual(before);

    const revoked = (await sessions.findById(session.id))!;
    revoked.revoke('logout', new Date());
    await expect(sessions.saveRevocation(revoked)).resolves.toBe(true);
    const afterRevocation = await stored(session.id);
    session.rotate('d'.repeat(64), new Date());
    await expect(sessions.saveRotation(session, current)).resolves.toBe(false);
    expect(await stored(session.id)).toEqual(afterRevocation);
  });
});

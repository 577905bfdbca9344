import { Session } from './session.aggregate';

const start = new Date('2026-01-01T00:00:00Z');
const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

function newSession(): Session {
  return Session.start({ userId: 'u1', refreshTokenHash: 'h0', now: start, lifetimeSeconds: 3600 });
}

describe('Session', () => {
  it('is active until it expires or is revoked', () => {
    const session = newSession();
    expect(session.isActive(later(3599))).toBe(true);
    expect(session.isActive(later(3600))).toBe(false);
    session.revoke('logout', later(10));
    expect(session.isActive(later(11))).toBe(false);
  });

  it('honours only the immediate predecessor, and only within the reuse interval', () => {
    const session = newSession();
    session.rotate('h1', later(100));
    expect(session.assess(0, later(101), 10)).toBe('current');
    expect(session.assess(1, later(110), 10)).toBe('predecessor-within-reuse-interval');
    expect(session.assess(1, later(111), 10)).toBe('reused');
    expect(session.assess(2, later(101), 10)).toBe('reused');
    expect(session.assess(null, later(101), 10)).toBe('foreign');
  });

  it('treats an old token as reuse before any rotation timestamp exists', () => {
    expect(newSession().assess(1, later(1), 10)).toBe('reused');
  });

  it('keeps the first revocation reason', () => {
    const session = newSession();
    session.revoke('refresh-token-reuse', later(1));
    session.revoke('logout', later(2));
    expect(session.revokedReason).toBe('refresh-token-reuse');
    expect(session.revokedAt).toEqual(later(1));
  });
});

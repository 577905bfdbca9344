import type { Session } from '../../domain/session.aggregate';

export abstract class SessionRepository {
  abstract findById(id: string): Promise<Session | null>;
  abstract insert(session: Session): Promise<void>;
  /**
   * Saves a rotation only if the session still holds `expectedTokenHash` and is not revoked, so two
   * racing refreshes cannot both rotate. Returns false when another request got there first.
   */
  abstract saveRotation(session: Session, expectedTokenHash: string): Promise<boolean>;
  /** Saves a revocation unless the session was already revoked; returns whether this call revoked it. */
  abstract saveRevocation(session: Session): Promise<boolean>;
  /** Deletes sessions that expired before `expiredBefore` or were revoked before `revokedBefore`. */
  abstract deleteFinished(expiredBefore: Date, revokedBefore: Date): Promise<number>;
  /** The cheap check the access-token guard makes on every request. */
  abstract isActive(id: string, now: Date): Promise<boolean>;
  /** The user's unrevoked, unexpired sessions, most recently used first. */
  abstract listActiveByUser(userId: string, now: Date): Promise<Session[]>;
  /** Which of `ids` are still active (one query for all the sockets of a process). */
  abstract findActiveIds(ids: string[], now: Date): Promise<Set<string>>;
}

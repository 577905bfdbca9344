import { Injectable } from '@nestjs/common';
import {
  Clock,
  EventOutbox,
  REALTIME_EVENTS,
  RealtimePublisher,
  SessionRevokedRealtimeEvent,
  UnitOfWork,
} from '@fluentpro/shared';
import type { RevocationReason, Session } from '../domain/session.aggregate';
import { AuthenticationEvents } from './authentication-events';
import { SessionRepository } from './ports/session.repository';

/**
 * The one way sessions end: the revocation is saved with its `authentication.session-revoked.v1`
 * outbox row (joining the caller's transaction), and once it has committed every socket of the user
 * hears `session.revoked`; the socket of that session closes with 4409. Access and refresh tokens of
 * the session stop working at once either way. A session another request revoked first is skipped.
 */
@Injectable()
export class SessionRevocation {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly outbox: EventOutbox,
    private readonly realtime: RealtimePublisher,
    private readonly clock: Clock,
  ) {}

  /** Revokes those of `sessions` still open; returns how many that was. */
  async revoke(sessions: Session[], reason: RevocationReason, now = this.clock.now()): Promise<number> {
    const open = sessions.filter((session) => session.revokedAt === null);
    if (open.length === 0) return 0;
    const ended: Session[] = [];
    await this.unitOfWork.run(async () => {
      for (const session of open) {
        session.revoke(reason, now);
        if (!(await this.sessions.saveRevocation(session))) continue;
        await this.outbox.record(AuthenticationEvents.sessionRevoked(session, now));
        ended.push(session);
      }
      this.unitOfWork.afterCommit(async () => {
        for (const session of ended) {
          const event: SessionRevokedRealtimeEvent = {
            type: REALTIME_EVENTS.sessionRevoked,
            data: { session_id: session.id, reason, revoked_at: now.toISOString() },
          };
          await this.realtime.publish(session.userId, event);
        }
      });
    });
    return ended.length;
  }

  /** Ends every active session of the user, except `keepSessionId` when given. */
  async revokeAllOf(
    userId: string,
    reason: RevocationReason,
    options: { keepSessionId?: string } = {},
  ): Promise<number> {
    const now = this.clock.now();
    return this.unitOfWork.run(async () => {
      const sessions = await this.sessions.listActiveByUser(userId, now);
      return this.revoke(
        sessions.filter((session) => session.id !== options.keepSessionId),
        reason,
        now,
      );
    });
  }
}

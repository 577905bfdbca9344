import { Injectable } from '@nestjs/common';
import { Clock, isUuid, UnitOfWork } from '@fluentpro/shared';
import { SessionNotFoundError } from '../../domain/authentication.errors';
import type { RevocationReason } from '../../domain/session.aggregate';
import { SessionRepository } from '../ports/session.repository';
import { SessionRevocation } from '../session-revocation';

/** Ends one active session of `userId` (the user's own, or any user's for an admin); 404 otherwise. */
@Injectable()
export class RevokeSessionHandler {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly revocation: SessionRevocation,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(userId: string, sessionId: string, reason: RevocationReason): Promise<void> {
    if (!isUuid(sessionId)) throw new SessionNotFoundError();
    await this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const session = await this.sessions.findById(sessionId);
      if (!session || session.userId !== userId || !session.isActive(now)) throw new SessionNotFoundError();
      await this.revocation.revoke([session], reason, now);
    });
  }
}

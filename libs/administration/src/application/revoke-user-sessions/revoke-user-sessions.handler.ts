import { Injectable } from '@nestjs/common';
import { AccountAdministration } from '@fluentpro/authentication';
import type { AdminRequest } from '../admin-request';
import { AuditTrail } from '../audit-trail';

/** Ends one session of a user, or all of them; each socket of an ended session closes with 4409. */
@Injectable()
export class RevokeUserSessionsHandler {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly audit: AuditTrail,
  ) {}

  async revokeOne(request: AdminRequest, userId: string, sessionId: string): Promise<void> {
    await this.audit.run(
      request,
      'user.session.revoke',
      () => this.accounts.revokeUserSession(userId, sessionId),
      () => ({ target: { type: 'session', id: sessionId }, details: { user_id: userId } }),
    );
  }

  revokeAll(request: AdminRequest, userId: string): Promise<number> {
    return this.audit.run(
      request,
      'user.sessions.revoke-all',
      () => this.accounts.revokeAllUserSessions(userId),
      (revoked) => ({ target: { type: 'user', id: userId }, details: { sessions_revoked: revoked } }),
    );
  }
}

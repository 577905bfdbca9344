import { Injectable } from '@nestjs/common';
import { AccountAdministration, AdminAccountView } from '@fluentpro/authentication';
import type { AdminRequest } from '../admin-request';
import { AuditTrail } from '../audit-trail';

/** Deactivates the account and ends all its sessions (their sockets close with 4409). */
@Injectable()
export class DeactivateUserHandler {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly audit: AuditTrail,
  ) {}

  execute(
    request: AdminRequest,
    userId: string,
    reason: string | null,
  ): Promise<{ user: AdminAccountView; sessionsRevoked: number }> {
    return this.audit.run(
      request,
      'user.deactivate',
      () => this.accounts.deactivateUser(userId, request.actor.userId),
      (result) => ({
        target: { type: 'user', id: userId },
        details: { reason, sessions_revoked: result.sessionsRevoked },
      }),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { AccountAdministration, AdminAccountView } from '@fluentpro/authentication';
import type { AdminRequest } from '../admin-request';
import { AuditTrail } from '../audit-trail';

@Injectable()
export class ReactivateUserHandler {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly audit: AuditTrail,
  ) {}

  execute(request: AdminRequest, userId: string, reason: string | null): Promise<AdminAccountView> {
    return this.audit.run(
      request,
      'user.reactivate',
      () => this.accounts.reactivateUser(userId),
      () => ({ target: { type: 'user', id: userId }, details: { reason } }),
    );
  }
}

import { Injectable } from '@nestjs/common';
import { AccountAdministration, AdminAccountView } from '@fluentpro/authentication';
import type { AdminRequest } from '../admin-request';
import { AuditTrail } from '../audit-trail';

/** `npm run cli -- promote|demote`: grants or withdraws the admin role; idempotent, always audited. */
@Injectable()
export class ChangeAdminRoleHandler {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly audit: AuditTrail,
  ) {}

  execute(
    request: AdminRequest,
    email: string,
    grant: boolean,
  ): Promise<{ user: AdminAccountView; changed: boolean }> {
    return this.audit.run(
      request,
      grant ? 'admin.promote' : 'admin.demote',
      () => this.accounts.changeRole(email, grant ? 'admin' : 'user'),
      ({ user, changed }) => ({
        target: { type: 'user', id: user.id },
        details: { email: user.email, changed },
      }),
    );
  }
}

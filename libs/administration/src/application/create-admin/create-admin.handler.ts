import { Injectable } from '@nestjs/common';
import { AccountAdministration, AdminAccountView } from '@fluentpro/authentication';
import type { AdminRequest } from '../admin-request';
import { AuditTrail } from '../audit-trail';

export interface NewAdmin {
  email: string;
  fullName: string;
  dateOfBirth: string;
  password: string;
}

/** `npm run cli -- create-admin`: a new account with the admin role, recorded in the audit log. */
@Injectable()
export class CreateAdminHandler {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly audit: AuditTrail,
  ) {}

  execute(request: AdminRequest, admin: NewAdmin): Promise<AdminAccountView> {
    return this.audit.run(
      request,
      'admin.create',
      () => this.accounts.createAdmin(admin),
      (user) => ({ target: { type: 'user', id: user.id }, details: { email: user.email } }),
    );
  }
}

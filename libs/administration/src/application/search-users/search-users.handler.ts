import { Injectable } from '@nestjs/common';
import { AccountAdministration, AdminAccountView } from '@fluentpro/authentication';
import { AdminRequest, offsetOf, Page, pageOf } from '../admin-request';
import { AuditTrail } from '../audit-trail';
import { SearchUsersQuery } from './search-users.query';

@Injectable()
export class SearchUsersHandler {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly audit: AuditTrail,
  ) {}

  async execute(request: AdminRequest, query: SearchUsersQuery): Promise<Page<AdminAccountView>> {
    const { items, total } = await this.audit.run(
      request,
      'users.search',
      () =>
        this.accounts.searchUsers({
          text: query.text,
          role: query.role,
          active: query.status === undefined ? undefined : query.status === 'active',
          ...offsetOf(query),
        }),
      (result) => ({
        details: {
          text: query.text ?? null,
          role: query.role ?? null,
          status: query.status ?? null,
          page: query.page,
          results: result.items.length,
        },
      }),
    );
    return pageOf(items, total, query);
  }
}

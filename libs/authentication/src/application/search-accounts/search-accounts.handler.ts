import { Injectable } from '@nestjs/common';
import { AdminAccountView, toAdminAccountView } from '../account.view';
import { AccountSearch, UserAccountRepository } from '../ports/user-account.repository';

@Injectable()
export class SearchAccountsHandler {
  constructor(private readonly accounts: UserAccountRepository) {}

  async execute(criteria: AccountSearch): Promise<{ items: AdminAccountView[]; total: number }> {
    const text = criteria.text?.trim();
    const { accounts, total } = await this.accounts.search({ ...criteria, text: text || undefined });
    return { items: accounts.map(toAdminAccountView), total };
  }
}

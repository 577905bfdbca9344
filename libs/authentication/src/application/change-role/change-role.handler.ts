import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork } from '@fluentpro/shared';
import { UserNotFoundError } from '../../domain/authentication.errors';
import { Email } from '../../domain/email.value-object';
import type { AccountRole, UserAccount } from '../../domain/user-account.aggregate';
import { UserAccountRepository } from '../ports/user-account.repository';

/** Grants or withdraws the admin role (the CLI's `promote` and `demote`); no HTTP route leads here. */
@Injectable()
export class ChangeRoleHandler {
  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(email: string, role: AccountRole): Promise<{ account: UserAccount; changed: boolean }> {
    const address = Email.create(email);
    return this.unitOfWork.run(async () => {
      const account = await this.accounts.findByEmail(address.value);
      if (!account) throw new UserNotFoundError();
      const changed = account.changeRole(role, this.clock.now());
      if (changed) await this.accounts.update(account);
      return { account, changed };
    });
  }
}

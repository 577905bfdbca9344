import { Injectable } from '@nestjs/common';
import { Clock, isUuid, UnitOfWork } from '@fluentpro/shared';
import { UserNotFoundError } from '../../domain/authentication.errors';
import type { UserAccount } from '../../domain/user-account.aggregate';
import { UserAccountRepository } from '../ports/user-account.repository';

/** Lets a deactivated account log in again (its old sessions stay ended). Idempotent. */
@Injectable()
export class ReactivateAccountHandler {
  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(userId: string): Promise<UserAccount> {
    if (!isUuid(userId)) throw new UserNotFoundError();
    return this.unitOfWork.run(async () => {
      const account = await this.accounts.findById(userId);
      if (!account) throw new UserNotFoundError();
      if (account.reactivate(this.clock.now())) await this.accounts.update(account);
      return account;
    });
  }
}

import { Injectable } from '@nestjs/common';
import { Clock, isUuid, UnitOfWork } from '@fluentpro/shared';
import { CannotDeactivateOwnAccountError, UserNotFoundError } from '../../domain/authentication.errors';
import type { UserAccount } from '../../domain/user-account.aggregate';
import { UserAccountRepository } from '../ports/user-account.repository';
import { SessionRevocation } from '../session-revocation';

/**
 * Deactivates an account and ends all its sessions in one transaction: its tokens stop working at
 * once, its sockets close (4409), and it cannot log in or refresh until reactivated. Idempotent.
 */
@Injectable()
export class DeactivateAccountHandler {
  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly revocation: SessionRevocation,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(
    userId: string,
    requestedBy: string | null,
  ): Promise<{ account: UserAccount; sessionsRevoked: number }> {
    if (!isUuid(userId)) throw new UserNotFoundError();
    if (userId === requestedBy) throw new CannotDeactivateOwnAccountError();
    return this.unitOfWork.run(async () => {
      const account = await this.accounts.findById(userId);
      if (!account) throw new UserNotFoundError();
      if (account.deactivate(this.clock.now())) await this.accounts.update(account);
      const sessionsRevoked = await this.revocation.revokeAllOf(userId, 'account-deactivated');
      return { account, sessionsRevoked };
    });
  }
}

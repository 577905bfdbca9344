import { Injectable } from '@nestjs/common';
import { AdminRoleRequiredError } from '../../domain/authentication.errors';
import { UserAccountRepository } from '../ports/user-account.repository';

/**
 * Checks the role on the account itself on every admin request (not a token claim), so withdrawing
 * the role takes effect at once.
 */
@Injectable()
export class RequireAdminHandler {
  constructor(private readonly accounts: UserAccountRepository) {}

  async execute(userId: string): Promise<void> {
    const account = await this.accounts.findById(userId);
    if (!account || !account.isAdmin || !account.isActive) throw new AdminRoleRequiredError();
  }
}

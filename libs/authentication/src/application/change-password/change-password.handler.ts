import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, ValidationCollector, ValidationFailedError } from '@fluentpro/shared';
import { InvalidAccessTokenError, PasswordManagedElsewhereError } from '../../domain/authentication.errors';
import { Password } from '../../domain/password.value-object';
import { LoginThrottle } from '../ports/login-throttle';
import { PasswordHasher } from '../ports/password-hasher';
import { UserAccountRepository } from '../ports/user-account.repository';
import { SessionRevocation } from '../session-revocation';
import { ChangePasswordCommand } from './change-password.command';

export const INCORRECT_CURRENT_PASSWORD = 'Current password is incorrect.';
export const SAME_PASSWORD = 'New password must be different from the current password.';

/**
 * Changes the password of a self-hosted account: the current password is verified (a wrong one counts
 * as a failed login towards the account's lockout), the new one must meet the policy, and every
 * other session of the user ends; the caller's session stays.
 */
@Injectable()
export class ChangePasswordHandler {
  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly revocation: SessionRevocation,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: ChangePasswordCommand): Promise<{ sessionsRevoked: number }> {
    const { userId, sessionId } = command.principal;
    const account = await this.accounts.findById(userId);
    if (!account) throw new InvalidAccessTokenError('The account of this token no longer exists');
    if (account.passwordHash === null) throw new PasswordManagedElsewhereError();

    const errors = new ValidationCollector();
    const password = errors.attempt('new_password', () => Password.create(command.newPassword));
    if (command.newPassword === command.currentPassword) errors.add('new_password', SAME_PASSWORD);
    errors.throwIfAny();

    const failures = await this.throttle.assertNotLocked(account.email.value, this.clock.now());
    if (!(await this.hasher.verify(account.passwordHash, command.currentPassword))) {
      await this.throttle.recordFailure(account.email.value, this.clock.now());
      throw new ValidationFailedError({ current_password: [INCORRECT_CURRENT_PASSWORD] });
    }
    const passwordHash = await this.hasher.hash(password!.value);

    const sessionsRevoked = await this.unitOfWork.run(async () => {
      const now = this.clock.now();
      const fresh = await this.accounts.findById(userId);
      if (!fresh) throw new InvalidAccessTokenError('The account of this token no longer exists');
      fresh.changePasswordHash(passwordHash, now);
      await this.accounts.update(fresh);
      return this.revocation.revokeAllOf(userId, 'password-changed', { keepSessionId: sessionId });
    });
    if (failures > 0) await this.throttle.recordSuccess(account.email.value);
    return { sessionsRevoked };
  }
}

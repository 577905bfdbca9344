import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, ValidationCollector } from '@fluentpro/shared';
import {
  AdminCreationNeedsSelfHostedIdentityError,
  EmailAlreadyRegisteredError,
} from '../../domain/authentication.errors';
import { DateOfBirth } from '../../domain/date-of-birth.value-object';
import { Email } from '../../domain/email.value-object';
import { FullName } from '../../domain/full-name.value-object';
import { Password } from '../../domain/password.value-object';
import { UserAccount } from '../../domain/user-account.aggregate';
import { IdentityProvider } from '../ports/identity-provider';
import { PasswordHasher } from '../ports/password-hasher';
import { UserAccountRepository } from '../ports/user-account.repository';
import { CreateAdminCommand } from './create-admin.command';

/**
 * Creates a self-hosted account with the admin role (the CLI's `create-admin`): the sign-up rules
 * apply to every field, and no session is started (the admin logs in like anyone else). With an
 * external identity provider, admins sign up like anyone and are promoted.
 */
@Injectable()
export class CreateAdminHandler {
  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly identity: IdentityProvider,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateAdminCommand): Promise<UserAccount> {
    // With Auth0 the tenant holds the credentials: a local password hash would never be checked.
    if (this.identity.name !== 'self-hosted') throw new AdminCreationNeedsSelfHostedIdentityError();
    const now = this.clock.now();
    const errors = new ValidationCollector();
    const fullName = errors.attempt('full_name', () => FullName.create(command.fullName));
    const email = errors.attempt('email', () => Email.create(command.email));
    const password = errors.attempt('password', () => Password.create(command.password));
    const dateOfBirth = errors.attempt('date_of_birth', () => DateOfBirth.create(command.dateOfBirth, now));
    errors.throwIfAny();
    if (await this.accounts.findByEmail(email!.value)) throw new EmailAlreadyRegisteredError();
    const passwordHash = await this.hasher.hash(password!.value);
    const account = UserAccount.register({
      email: email!,
      fullName: fullName!,
      dateOfBirth: dateOfBirth!,
      passwordHash,
      now,
    });
    account.changeRole('admin', now);
    await this.unitOfWork.run(() => this.accounts.insert(account));
    return account;
  }
}

import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork, ValidationCollector } from '@fluentpro/shared';
import { EmailAlreadyRegisteredError } from '../../domain/authentication.errors';
import { DateOfBirth } from '../../domain/date-of-birth.value-object';
import { Email } from '../../domain/email.value-object';
import { FullName } from '../../domain/full-name.value-object';
import { Password } from '../../domain/password.value-object';
import { UserAccount } from '../../domain/user-account.aggregate';
import { PasswordHasher } from '../ports/password-hasher';
import { UserAccountRepository } from '../ports/user-account.repository';
import { CreateAdminCommand } from './create-admin.command';

/**
 * Creates a self-hosted account with the admin role (the CLI's `create-admin`): the sign-up rules
 * apply to every field, and no session is started (the admin logs in like anyone else).
 */
@Injectable()
export class CreateAdminHandler {
  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly hasher: PasswordHasher,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  async execute(command: CreateAdminCommand): Promise<UserAccount> {
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

import { Injectable, Optional } from '@nestjs/common';
import { AuthOutcomes, Clock, IgnoredAuthOutcomes, ValidationCollector } from '@fluentpro/shared';
import { DateOfBirth } from '../../domain/date-of-birth.value-object';
import { Email } from '../../domain/email.value-object';
import { FullName } from '../../domain/full-name.value-object';
import { Password } from '../../domain/password.value-object';
import { AuthenticatedAccount, IdentityProvider } from '../ports/identity-provider';
import { SignUpCommand } from './sign-up.command';

@Injectable()
export class SignUpHandler {
  constructor(
    private readonly identity: IdentityProvider,
    private readonly clock: Clock,
    @Optional() private readonly outcomes: AuthOutcomes = new IgnoredAuthOutcomes(),
  ) {}

  async execute(command: SignUpCommand): Promise<AuthenticatedAccount> {
    const errors = new ValidationCollector();
    const fullName = errors.attempt('full_name', () => FullName.create(command.fullName));
    const email = errors.attempt('email', () => Email.create(command.email));
    const password = errors.attempt('password', () => Password.create(command.password));
    const dateOfBirth = errors.attempt('date_of_birth', () =>
      DateOfBirth.create(command.dateOfBirth, this.clock.now()),
    );
    errors.throwIfAny();
    const result = await this.identity.signUp(
      { fullName: fullName!, email: email!, password: password!, dateOfBirth: dateOfBirth! },
      command.client,
    );
    this.outcomes.record('signup');
    return result;
  }
}

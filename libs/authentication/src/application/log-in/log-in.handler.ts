import { Injectable } from '@nestjs/common';
import { Clock } from '@fluentpro/shared';
import { InvalidCredentialsError } from '../../domain/authentication.errors';
import { Email } from '../../domain/email.value-object';
import { AuthenticatedAccount, IdentityProvider } from '../ports/identity-provider';
import { LoginThrottle } from '../ports/login-throttle';
import { LogInCommand } from './log-in.command';

@Injectable()
export class LogInHandler {
  constructor(
    private readonly identity: IdentityProvider,
    private readonly throttle: LoginThrottle,
    private readonly clock: Clock,
  ) {}

  async execute(command: LogInCommand): Promise<AuthenticatedAccount> {
    const email = Email.create(command.email);
    await this.throttle.assertNotLocked(email.value, this.clock.now());
    try {
      const result = await this.identity.logIn(email, command.password, command.client);
      await this.throttle.recordSuccess(email.value);
      return result;
    } catch (error) {
      if (error instanceof InvalidCredentialsError)
        await this.throttle.recordFailure(email.value, this.clock.now());
      throw error;
    }
  }
}

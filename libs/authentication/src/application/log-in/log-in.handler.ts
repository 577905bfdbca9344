import { Injectable, Optional } from '@nestjs/common';
import { AuthOutcomes, Clock, IgnoredAuthOutcomes } from '@fluentpro/shared';
import { AccountTemporarilyLockedError, InvalidCredentialsError } from '../../domain/authentication.errors';
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
    @Optional() private readonly outcomes: AuthOutcomes = new IgnoredAuthOutcomes(),
  ) {}

  async execute(command: LogInCommand): Promise<AuthenticatedAccount> {
    const email = Email.create(command.email);
    let failures: number;
    try {
      failures = await this.throttle.assertNotLocked(email.value, this.clock.now());
    } catch (error) {
      if (error instanceof AccountTemporarilyLockedError) this.outcomes.record('login_locked');
      throw error;
    }
    try {
      const result = await this.identity.logIn(email, command.password, command.client);
      // Most accounts have no failures on record, and then nothing is left to clear. A failure recorded
      // meanwhile by a concurrent attempt is kept: it counts towards the lock.
      if (failures > 0) await this.throttle.recordSuccess(email.value);
      this.outcomes.record('login_success');
      return result;
    } catch (error) {
      if (error instanceof InvalidCredentialsError) {
        this.outcomes.record('login_failure');
        await this.throttle.recordFailure(email.value, this.clock.now());
      }
      throw error;
    }
  }
}

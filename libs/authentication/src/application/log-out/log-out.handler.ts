import { Injectable, Optional } from '@nestjs/common';
import { AuthOutcomes, IgnoredAuthOutcomes } from '@fluentpro/shared';
import { IdentityProvider, Principal } from '../ports/identity-provider';

@Injectable()
export class LogOutHandler {
  constructor(
    private readonly identity: IdentityProvider,
    @Optional() private readonly outcomes: AuthOutcomes = new IgnoredAuthOutcomes(),
  ) {}

  async execute(principal: Principal, refreshToken: string): Promise<void> {
    await this.identity.logOut(principal, refreshToken);
    this.outcomes.record('logout');
  }
}

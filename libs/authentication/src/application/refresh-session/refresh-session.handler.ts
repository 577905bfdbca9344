import { Injectable, Optional } from '@nestjs/common';
import { AuthOutcomes, IgnoredAuthOutcomes } from '@fluentpro/shared';
import { InvalidRefreshTokenError } from '../../domain/authentication.errors';
import { ClientContext, IdentityProvider, TokenPair } from '../ports/identity-provider';

@Injectable()
export class RefreshSessionHandler {
  constructor(
    private readonly identity: IdentityProvider,
    @Optional() private readonly outcomes: AuthOutcomes = new IgnoredAuthOutcomes(),
  ) {}

  async execute(refreshToken: string, client: ClientContext = {}): Promise<TokenPair> {
    try {
      const tokens = await this.identity.refresh(refreshToken, client);
      this.outcomes.record('refresh_success');
      return tokens;
    } catch (error) {
      if (error instanceof InvalidRefreshTokenError) this.outcomes.record('refresh_failure');
      throw error;
    }
  }
}

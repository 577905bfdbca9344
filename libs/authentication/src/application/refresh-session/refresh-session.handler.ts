import { Injectable } from '@nestjs/common';
import { ClientContext, IdentityProvider, TokenPair } from '../ports/identity-provider';

@Injectable()
export class RefreshSessionHandler {
  constructor(private readonly identity: IdentityProvider) {}

  execute(refreshToken: string, client: ClientContext = {}): Promise<TokenPair> {
    return this.identity.refresh(refreshToken, client);
  }
}

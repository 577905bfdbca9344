import { Injectable } from '@nestjs/common';
import { IdentityProvider, Principal } from '../ports/identity-provider';

@Injectable()
export class LogOutHandler {
  constructor(private readonly identity: IdentityProvider) {}

  execute(principal: Principal, refreshToken: string): Promise<void> {
    return this.identity.logOut(principal, refreshToken);
  }
}

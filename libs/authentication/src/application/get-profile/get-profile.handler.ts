import { Injectable } from '@nestjs/common';
import { InvalidAccessTokenError } from '../../domain/authentication.errors';
import { ProfileView, toProfileView } from '../account.view';
import { UserAccountRepository } from '../ports/user-account.repository';

@Injectable()
export class GetProfileHandler {
  constructor(private readonly accounts: UserAccountRepository) {}

  async execute(userId: string): Promise<ProfileView> {
    const account = await this.accounts.findById(userId);
    if (!account) throw new InvalidAccessTokenError('The account of this token no longer exists');
    return toProfileView(account);
  }
}

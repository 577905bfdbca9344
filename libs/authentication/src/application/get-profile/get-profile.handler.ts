import { Injectable } from '@nestjs/common';
import { InvalidAccessTokenError } from '../../domain/authentication.errors';
import type { ProfileView } from '../account.view';
import { AccountViews } from '../ports/account-views';

@Injectable()
export class GetProfileHandler {
  constructor(private readonly views: AccountViews) {}

  async execute(userId: string): Promise<ProfileView> {
    const profile = await this.views.profile(userId);
    if (!profile) throw new InvalidAccessTokenError('The account of this token no longer exists');
    return profile;
  }
}

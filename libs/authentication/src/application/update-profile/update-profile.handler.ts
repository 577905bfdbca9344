import { Injectable } from '@nestjs/common';
import { Clock, EventOutbox, UnitOfWork } from '@fluentpro/shared';
import { AuthenticationEvents } from '../authentication-events';
import { InvalidAccessTokenError } from '../../domain/authentication.errors';
import type { ProfileChanges } from '../../domain/user-account.aggregate';
import { ProfileView, toProfileView } from '../account.view';
import { UserAccountRepository } from '../ports/user-account.repository';

@Injectable()
export class UpdateProfileHandler {
  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(userId: string, changes: ProfileChanges): Promise<ProfileView> {
    return this.unitOfWork.run(async () => {
      const account = await this.accounts.findById(userId);
      if (!account) throw new InvalidAccessTokenError('The account of this token no longer exists');
      account.updateProfile(changes, this.clock.now());
      await this.accounts.update(account);
      await this.outbox.record(AuthenticationEvents.profileUpdated(account));
      return toProfileView(account);
    });
  }
}

import { Injectable } from '@nestjs/common';
import { Clock, isUuid } from '@fluentpro/shared';
import { UserNotFoundError } from '../../domain/authentication.errors';
import { AdminAccountView, toAdminAccountView } from '../account.view';
import { SessionRepository } from '../ports/session.repository';
import { UserAccountRepository } from '../ports/user-account.repository';
import { SessionView, toSessionView } from '../session.view';

/** One account as an admin sees it, with its active sessions. */
@Injectable()
export class GetAccountHandler {
  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(userId: string): Promise<{ user: AdminAccountView; sessions: SessionView[] }> {
    if (!isUuid(userId)) throw new UserNotFoundError();
    const account = await this.accounts.findById(userId);
    if (!account) throw new UserNotFoundError();
    const sessions = await this.sessions.listActiveByUser(userId, this.clock.now());
    return {
      user: toAdminAccountView(account),
      sessions: sessions.map((session) => toSessionView(session, null)),
    };
  }
}

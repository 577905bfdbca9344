import { Injectable } from '@nestjs/common';
import { AdminAccountView, toAdminAccountView } from './account.view';
import { ChangeRoleHandler } from './change-role/change-role.handler';
import { CreateAdminCommand } from './create-admin/create-admin.command';
import { CreateAdminHandler } from './create-admin/create-admin.handler';
import { DeactivateAccountHandler } from './deactivate-account/deactivate-account.handler';
import { GetAccountHandler } from './get-account/get-account.handler';
import type { AccountSearch } from './ports/user-account.repository';
import { ReactivateAccountHandler } from './reactivate-account/reactivate-account.handler';
import { RevokeAllSessionsHandler } from './revoke-all-sessions/revoke-all-sessions.handler';
import { RevokeSessionHandler } from './revoke-session/revoke-session.handler';
import { SearchAccountsHandler } from './search-accounts/search-accounts.handler';
import type { SessionView } from './session.view';
import type { AccountRole } from '../domain/user-account.aggregate';

/**
 * The facade through which other contexts (administration, the CLI) manage accounts. Exported from
 * index.ts; each method is one use case of this context and joins the caller's transaction, so the
 * caller's audit row commits or rolls back with the change. Failures are this context's DomainErrors
 * (UserNotFoundError 404, SessionNotFoundError 404, validation 400, EmailAlreadyRegisteredError 409).
 */
@Injectable()
export class AccountAdministration {
  constructor(
    private readonly search: SearchAccountsHandler,
    private readonly getAccount: GetAccountHandler,
    private readonly deactivateAccount: DeactivateAccountHandler,
    private readonly reactivateAccount: ReactivateAccountHandler,
    private readonly revokeSession: RevokeSessionHandler,
    private readonly revokeAllSessions: RevokeAllSessionsHandler,
    private readonly createAdminHandler: CreateAdminHandler,
    private readonly changeRoleHandler: ChangeRoleHandler,
  ) {}

  searchUsers(criteria: AccountSearch): Promise<{ items: AdminAccountView[]; total: number }> {
    return this.search.execute(criteria);
  }

  getUser(userId: string): Promise<{ user: AdminAccountView; sessions: SessionView[] }> {
    return this.getAccount.execute(userId);
  }

  async deactivateUser(
    userId: string,
    requestedBy: string | null,
  ): Promise<{ user: AdminAccountView; sessionsRevoked: number }> {
    const { account, sessionsRevoked } = await this.deactivateAccount.execute(userId, requestedBy);
    return { user: toAdminAccountView(account), sessionsRevoked };
  }

  async reactivateUser(userId: string): Promise<AdminAccountView> {
    return toAdminAccountView(await this.reactivateAccount.execute(userId));
  }

  async revokeUserSession(userId: string, sessionId: string): Promise<void> {
    await this.revokeSession.execute(userId, sessionId, 'revoked-by-admin');
  }

  /** 404 for an unknown user; otherwise how many sessions ended. */
  async revokeAllUserSessions(userId: string): Promise<number> {
    await this.getAccount.execute(userId);
    return this.revokeAllSessions.execute(userId, 'revoked-by-admin');
  }

  async createAdmin(input: {
    fullName: string;
    email: string;
    password: string;
    dateOfBirth: string;
  }): Promise<AdminAccountView> {
    const command = new CreateAdminCommand(input.fullName, input.email, input.password, input.dateOfBirth);
    return toAdminAccountView(await this.createAdminHandler.execute(command));
  }

  async changeRole(email: string, role: AccountRole): Promise<{ user: AdminAccountView; changed: boolean }> {
    const { account, changed } = await this.changeRoleHandler.execute(email, role);
    return { user: toAdminAccountView(account), changed };
  }

  async countUsers(): Promise<number> {
    return (await this.search.execute({ limit: 1, offset: 0 })).total;
  }
}

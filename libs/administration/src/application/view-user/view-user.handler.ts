import { Inject, Injectable, Optional } from '@nestjs/common';
import { AccountAdministration, AdminAccountView, SessionView } from '@fluentpro/authentication';
import { OnboardingStateQuery, OnboardingStateSnapshot } from '@fluentpro/shared';
import type { AdminRequest } from '../admin-request';
import { AuditTrail } from '../audit-trail';

export interface UserDetails {
  user: AdminAccountView;
  sessions: SessionView[];
  /** null until the onboarding context is bound, or while the learner has not started. */
  onboarding: OnboardingStateSnapshot | null;
}

@Injectable()
export class ViewUserHandler {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly audit: AuditTrail,
    // Explicit token: the design type of a `T | null` parameter is Object.
    @Optional() @Inject(OnboardingStateQuery) private readonly onboarding: OnboardingStateQuery | null,
  ) {}

  async execute(request: AdminRequest, userId: string): Promise<UserDetails> {
    const { user, sessions } = await this.audit.run(
      request,
      'user.view',
      () => this.accounts.getUser(userId),
      () => ({ target: { type: 'user', id: userId } }),
    );
    const onboarding = this.onboarding ? await this.onboarding.stateOf(userId) : null;
    return { user, sessions, onboarding };
  }
}

import { Inject, Injectable, Optional } from '@nestjs/common';
import { AccountAdministration } from '@fluentpro/authentication';
import { OnboardingStateQuery } from '@fluentpro/shared';
import type { AdminRequest } from '../admin-request';
import { AuditTrail } from '../audit-trail';

export interface OnboardingFunnel {
  total_users: number;
  /** In flow order; null until the onboarding context is bound. */
  steps: { step: string; users: number; percentage: number }[] | null;
}

/** How many learners reached each onboarding step, out of every registered user. */
@Injectable()
export class OnboardingFunnelHandler {
  constructor(
    private readonly accounts: AccountAdministration,
    private readonly audit: AuditTrail,
    // Explicit token: the design type of a `T | null` parameter is Object.
    @Optional() @Inject(OnboardingStateQuery) private readonly onboarding: OnboardingStateQuery | null,
  ) {}

  execute(request: AdminRequest): Promise<OnboardingFunnel> {
    return this.audit.run(request, 'onboarding.funnel.view', async () => {
      const totalUsers = await this.accounts.countUsers();
      const steps = this.onboarding ? await this.onboarding.funnel() : null;
      return {
        total_users: totalUsers,
        steps:
          steps?.map(({ step, users }) => ({
            step,
            users,
            percentage: totalUsers === 0 ? 0 : Math.round((users / totalUsers) * 1000) / 10,
          })) ?? null,
      };
    });
  }
}

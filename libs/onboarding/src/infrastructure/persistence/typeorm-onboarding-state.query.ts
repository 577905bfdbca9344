import { Injectable } from '@nestjs/common';
import {
  OnboardingFunnelStep,
  OnboardingStateQuery,
  OnboardingStateSnapshot,
  TypeOrmUnitOfWork,
} from '@fluentpro/shared';
import { LearningPlanRepository } from '../../application/ports/learning-plan.repository';
import { OnboardingProfileRepository } from '../../application/ports/onboarding-profile.repository';
import { ONBOARDING_STEPS, OnboardingStep } from '../../domain/onboarding-steps';

/** For each step, the condition under which a profile row counts as having reached it (as the aggregate decides). */
const REACHED: Record<OnboardingStep, string> = {
  native_language: `p.native_language_id IS NOT NULL`,
  industry: `p.industry_id IS NOT NULL`,
  role: `(p.role_id IS NOT NULL OR p.custom_role_id IS NOT NULL)`,
  communication_partners: `EXISTS (SELECT 1 FROM onboarding_profile_partners pp WHERE pp.user_id = p.user_id)`,
  // Every selected partner has at least one situation.
  situations: `EXISTS (SELECT 1 FROM onboarding_profile_partners pp WHERE pp.user_id = p.user_id)
    AND NOT EXISTS (SELECT 1 FROM onboarding_profile_partners pp WHERE pp.user_id = p.user_id
      AND NOT EXISTS (SELECT 1 FROM onboarding_profile_situations s
        WHERE s.user_id = pp.user_id AND s.partner_id = pp.partner_id))`,
  learning_preferences: `p.proficiency_level_id IS NOT NULL`,
  completed: `p.is_complete`,
};

/**
 * What administration may read about onboarding (the shared OnboardingStateQuery port): one learner's
 * progress, from the aggregate, and the funnel, counted in one SQL statement over all profiles.
 */
@Injectable()
export class TypeOrmOnboardingStateQuery extends OnboardingStateQuery {
  constructor(
    private readonly profiles: OnboardingProfileRepository,
    private readonly plans: LearningPlanRepository,
    private readonly unitOfWork: TypeOrmUnitOfWork,
  ) {
    super();
  }

  async stateOf(userId: string): Promise<OnboardingStateSnapshot | null> {
    const profile = await this.profiles.findByUserId(userId);
    if (!profile) return null;
    const progress = profile.progress();
    const plan = await this.plans.findByUserId(userId);
    return {
      currentStep: progress.currentStep,
      completedSteps: [...progress.completedSteps],
      progressPercentage: progress.percentage,
      isComplete: progress.isComplete,
      updatedAt: profile.snapshot().updatedAt.toISOString(),
      learningPlanStatus: plan?.status ?? 'none',
    };
  }

  async funnel(): Promise<OnboardingFunnelStep[]> {
    const columns = ONBOARDING_STEPS.map(
      (step) => `SUM(CASE WHEN ${REACHED[step]} THEN 1 ELSE 0 END) AS "${step}"`,
    ).join(',\n      ');
    const { rows } = await this.unitOfWork.query(`SELECT ${columns} FROM onboarding_profiles p`);
    const counts = rows[0] ?? {};
    return ONBOARDING_STEPS.map((step) => ({ step, users: Number(counts[step] ?? 0) }));
  }
}

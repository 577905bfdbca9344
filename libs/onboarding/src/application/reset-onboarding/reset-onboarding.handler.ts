import { Injectable } from '@nestjs/common';
import { OnboardingProfiles } from '../onboarding-profiles';
import { ProgressView, toProgressView } from '../onboarding.views';
import { LearningPlanRepository } from '../ports/learning-plan.repository';

/** Starts onboarding over: answers and the learning plan go; the learner's custom roles stay theirs. */
@Injectable()
export class ResetOnboardingHandler {
  constructor(
    private readonly profiles: OnboardingProfiles,
    private readonly plans: LearningPlanRepository,
  ) {}

  async execute(userId: string): Promise<ProgressView> {
    const { profile, catalog } = await this.profiles.change(userId, async (profile, { now }) => {
      profile.reset(now);
      await this.plans.deleteByUserId(userId);
    });
    return toProgressView(profile, catalog);
  }
}

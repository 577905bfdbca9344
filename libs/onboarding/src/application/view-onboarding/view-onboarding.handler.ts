import { Injectable } from '@nestjs/common';
import { LearningPlanNotFoundError } from '../../domain/onboarding.errors';
import { OnboardingProfiles } from '../onboarding-profiles';
import {
  LearningPlanView,
  ProgressView,
  SummaryView,
  toLearningPlanView,
  toProgressView,
  toSummaryView,
} from '../onboarding.views';
import { LearningPlanRepository } from '../ports/learning-plan.repository';
import { ReferenceDataRepository } from '../ports/reference-data.repository';

/** Read side: progress, the summary of every answer, the learning plan. */
@Injectable()
export class ViewOnboardingHandler {
  constructor(
    private readonly profiles: OnboardingProfiles,
    private readonly plans: LearningPlanRepository,
    private readonly referenceData: ReferenceDataRepository,
  ) {}

  async progress(userId: string): Promise<ProgressView> {
    const [profile, catalog] = await Promise.all([this.profiles.load(userId), this.referenceData.catalog()]);
    return toProgressView(profile, catalog);
  }

  async summary(userId: string): Promise<SummaryView> {
    const [profile, catalog] = await Promise.all([this.profiles.load(userId), this.referenceData.catalog()]);
    return toSummaryView(profile, catalog);
  }

  /** 404 before the first completion (or after a reset); pending until the worker has built it. */
  async learningPlan(userId: string): Promise<LearningPlanView> {
    const plan = await this.plans.findByUserId(userId);
    if (!plan) throw new LearningPlanNotFoundError();
    return toLearningPlanView(plan);
  }
}

import { Injectable } from '@nestjs/common';
import {
  createIntegrationEvent,
  EventOutbox,
  ONBOARDING_EVENTS,
  OnboardingCompletedV1,
} from '@fluentpro/shared';
import { LearningPlan } from '../../domain/learning-plan.aggregate';
import { OnboardingProfiles } from '../onboarding-profiles';
import { ProgressView, toProgressView } from '../onboarding.views';
import { LearningPlanRepository } from '../ports/learning-plan.repository';

/**
 * Completes onboarding: in one transaction the profile is marked complete, a pending learning plan
 * is stored and onboarding.completed.v1 goes to the outbox (the worker builds the plan from it).
 * Completing an unchanged, completed onboarding again does nothing.
 */
@Injectable()
export class CompleteOnboardingHandler {
  constructor(
    private readonly profiles: OnboardingProfiles,
    private readonly plans: LearningPlanRepository,
    private readonly outbox: EventOutbox,
  ) {}

  async execute(userId: string, correlationId: string | null): Promise<ProgressView> {
    const { profile, catalog } = await this.profiles.change(userId, async (profile, { now, catalog }) => {
      if (!profile.complete(catalog, now)) return;
      await this.plans.savePending(LearningPlan.request(profile, catalog));
      const event: OnboardingCompletedV1 = createIntegrationEvent(
        ONBOARDING_EVENTS.completed,
        { userId, completedAt: now.toISOString() },
        { correlationId, occurredAt: now },
      );
      await this.outbox.record(event);
    });
    return toProgressView(profile, catalog);
  }
}

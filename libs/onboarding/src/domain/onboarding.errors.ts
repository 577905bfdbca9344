import { BusinessRuleError, ConflictError, NotFoundError } from '@fluentpro/shared';
import type { OnboardingStep } from './onboarding-steps';

/** POST complete/ before every required step is answered: 400 with `details.missing`. */
export class OnboardingIncompleteError extends BusinessRuleError {
  override readonly code = 'ONBOARDING.INCOMPLETE';

  constructor(
    readonly missing: OnboardingStep[],
    message: string,
  ) {
    super('Onboarding incomplete', message, { missing });
  }
}

/** Role matching and role choice need the learner's industry first. */
export class IndustryRequiredError extends ConflictError {
  override readonly code = 'ONBOARDING.INDUSTRY_REQUIRED';

  constructor() {
    super('Industry required', 'Choose an industry before matching or choosing a role');
  }
}

export class PartnerNotSelectedError extends NotFoundError {
  override readonly code = 'ONBOARDING.PARTNER_NOT_SELECTED';

  constructor(partnerId: string) {
    super('Partner not selected', `"${partnerId}" is not one of your selected communication partners`);
  }
}

export class LearningPlanNotFoundError extends NotFoundError {
  override readonly code = 'ONBOARDING.LEARNING_PLAN_NOT_FOUND';

  constructor() {
    super('Learning plan not found', 'Complete your onboarding to get a learning plan');
  }
}

/**
 * Another request changed the same onboarding profile first (optimistic version check). Commands
 * retry on it; it reaches the client only when the retries run out.
 */
export class StaleOnboardingProfileError extends ConflictError {
  override readonly code = 'ONBOARDING.CONCURRENT_UPDATE';

  constructor() {
    super('Concurrent update', 'Your onboarding was being changed by another request; please retry');
  }
}

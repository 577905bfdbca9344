/**
 * What other contexts (administration) may read about a learner's onboarding, implemented by the
 * onboarding context and bound where the app composes its modules. Until a binding exists, consumers
 * inject it with `@Optional()` and treat its absence as "no onboarding data" (null).
 */
export interface OnboardingStateSnapshot {
  currentStep: string;
  completedSteps: string[];
  progressPercentage: number;
  isComplete: boolean;
  /** ISO 8601 UTC of the last change, when known. */
  updatedAt?: string | null;
  /** The learning plan built after completion, when the onboarding context tracks it. */
  learningPlanStatus?: 'none' | 'pending' | 'ready';
}

/** How many learners have reached one step of the flow (ONBOARDING.md), in flow order. */
export interface OnboardingFunnelStep {
  step: string;
  users: number;
}

export abstract class OnboardingStateQuery {
  /** The learner's onboarding, or null when they have not started it. */
  abstract stateOf(userId: string): Promise<OnboardingStateSnapshot | null>;
  /** For every step in flow order (`native_language` … `completed`), how many learners reached it. */
  abstract funnel(): Promise<OnboardingFunnelStep[]>;
}

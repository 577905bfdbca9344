import type { IntegrationEvent } from './integration-event';

/** Integration events published by the onboarding context (versioned contracts). */
export type OnboardingCompletedV1 = IntegrationEvent<
  'onboarding.completed.v1',
  { userId: string; completedAt: string }
>;

export const ONBOARDING_EVENTS = {
  completed: 'onboarding.completed.v1',
} as const;

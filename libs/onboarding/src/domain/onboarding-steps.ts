/** The onboarding steps in the order the app presents them; a learner may answer them in any order. */
export const ONBOARDING_STEPS = [
  'native_language',
  'industry',
  'role',
  'communication_partners',
  'situations',
  'learning_preferences',
  'completed',
] as const;

export type OnboardingStep = (typeof ONBOARDING_STEPS)[number];

/** Steps that must be answered before completion (learning_preferences is optional). */
export const REQUIRED_STEPS: readonly OnboardingStep[] = [
  'native_language',
  'industry',
  'role',
  'communication_partners',
  'situations',
];

export interface Progress {
  currentStep: OnboardingStep;
  nextStep: OnboardingStep | null;
  completedSteps: OnboardingStep[];
  /** Required steps answered plus completion itself, out of six; the optional step does not count. */
  percentage: number;
  isComplete: boolean;
}

/** Progress from the set of steps done: the current step is the first one not yet done. */
export function progressOf(done: ReadonlySet<OnboardingStep>): Progress {
  const isComplete = done.has('completed');
  const completedSteps = ONBOARDING_STEPS.filter((step) => done.has(step));
  const pending = ONBOARDING_STEPS.filter((step) => !done.has(step));
  const currentStep: OnboardingStep = isComplete ? 'completed' : (pending[0] ?? 'completed');
  const nextStep = isComplete ? null : (pending.find((step) => step !== currentStep) ?? null);
  const units = REQUIRED_STEPS.length + 1;
  const doneUnits = REQUIRED_STEPS.filter((step) => done.has(step)).length + (isComplete ? 1 : 0);
  return {
    currentStep,
    nextStep,
    completedSteps,
    percentage: Math.round((100 * doneUnits) / units),
    isComplete,
  };
}

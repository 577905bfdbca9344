import {
  LearningPlanReadyRealtimeEvent,
  OnboardingProgressChangedRealtimeEvent,
  REALTIME_EVENTS,
} from '@fluentpro/shared';
import type { LearningPlan } from '../domain/learning-plan.aggregate';
import type { Progress } from '../domain/onboarding-steps';

/** What the learner's open sockets hear from this context (docs/realtime.md); built from its aggregates. */
export const OnboardingRealtimeEvents = {
  progressChanged(progress: Progress): OnboardingProgressChangedRealtimeEvent {
    return {
      type: REALTIME_EVENTS.onboardingProgressChanged,
      data: {
        current_step: progress.currentStep,
        next_step: progress.nextStep,
        completed_steps: progress.completedSteps,
        progress_percentage: progress.percentage,
        is_complete: progress.isComplete,
      },
    };
  },

  learningPlanReady(plan: LearningPlan): LearningPlanReadyRealtimeEvent {
    return {
      type: REALTIME_EVENTS.learningPlanReady,
      data: { generated_at: (plan.generatedAt ?? new Date()).toISOString(), item_count: plan.items.length },
    };
  },
};

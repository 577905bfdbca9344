/**
 * Messages pushed to a user's open WebSockets (docs/realtime.md). Unlike integration events they are
 * ephemeral notices: delivered at most once to the sockets open at that moment, never stored. A
 * client that reconnects reads the current state over HTTP.
 */
export interface RealtimeEvent<TType extends string = string, TData = unknown> {
  /** `<area>.<event-name>`, e.g. `onboarding.progress-changed`. */
  type: TType;
  /** snake_case JSON, like the HTTP API. */
  data: TData;
}

/** A session of the user ended; the socket bound to that session is closed right after (4409). */
export type SessionRevokedRealtimeEvent = RealtimeEvent<
  'session.revoked',
  { session_id: string; reason: string; revoked_at: string }
>;

/** Published by onboarding whenever the learner's progress changes (any device). */
export type OnboardingProgressChangedRealtimeEvent = RealtimeEvent<
  'onboarding.progress-changed',
  {
    current_step: string;
    next_step: string | null;
    completed_steps: string[];
    progress_percentage: number;
    is_complete: boolean;
  }
>;

/** Published by the worker once it has built the learning plan. */
export type LearningPlanReadyRealtimeEvent = RealtimeEvent<
  'onboarding.learning-plan-ready',
  { generated_at: string; item_count: number }
>;

export const REALTIME_EVENTS = {
  sessionRevoked: 'session.revoked',
  onboardingProgressChanged: 'onboarding.progress-changed',
  learningPlanReady: 'onboarding.learning-plan-ready',
} as const;

/** What happened to an authentication attempt; each value is one series of the auth-outcome counter. */
export const AUTH_OUTCOMES = [
  'signup',
  'login_success',
  'login_failure',
  'login_locked',
  'refresh_success',
  'refresh_failure',
  'refresh_reuse_detected',
  'logout',
] as const;

export type AuthOutcome = (typeof AUTH_OUTCOMES)[number];

/**
 * The port through which authentication code reports outcomes for operators (a Prometheus counter
 * in production). Recording is synchronous, never throws and costs a counter increment.
 */
export abstract class AuthOutcomes {
  abstract record(outcome: AuthOutcome): void;
}

/** For code built outside an application that provides the real recorder (unit tests, scripts). */
export class IgnoredAuthOutcomes extends AuthOutcomes {
  record(): void {
    // nothing to record
  }
}

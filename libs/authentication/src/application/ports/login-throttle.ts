/** Per-account brute-force protection: consecutive failures lock the email for a growing delay. */
export abstract class LoginThrottle {
  /** Throws AccountTemporarilyLockedError while the email is locked. */
  abstract assertNotLocked(emailKey: string, now: Date): Promise<void>;
  abstract recordFailure(emailKey: string, now: Date): Promise<void>;
  abstract recordSuccess(emailKey: string): Promise<void>;
}

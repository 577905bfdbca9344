/** Per-account brute-force protection: consecutive failures lock the email for a growing delay. */
export abstract class LoginThrottle {
  /**
   * Throws AccountTemporarilyLockedError while the email is locked; otherwise resolves to the
   * consecutive failures on record (0 for most accounts), so a success need be recorded only after some.
   */
  abstract assertNotLocked(emailKey: string, now: Date): Promise<number>;
  abstract recordFailure(emailKey: string, now: Date): Promise<void>;
  /** Clears the failures on record. */
  abstract recordSuccess(emailKey: string): Promise<void>;
}

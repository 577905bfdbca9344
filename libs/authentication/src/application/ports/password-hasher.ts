/**
 * Memory-hard password hashing off the event loop. Implementations bound the hashes in flight and
 * shed excess work with ServiceUnavailableError rather than queueing without limit.
 */
export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  /** Verifies against `hash`, or against a fixed dummy hash when null so unknown emails cost the same. */
  abstract verify(hash: string | null, password: string): Promise<boolean>;
}

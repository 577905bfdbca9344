import type { ProfileView } from '../account.view';

/**
 * The read side of accounts: views answered straight from storage, without restoring the aggregate.
 * `GET /profile` is called far more often than anything that changes an account, so it reads the six
 * columns of its body and nothing else (docs/performance.md). Writes still go through the aggregate and
 * UserAccountRepository.
 */
export abstract class AccountViews {
  /** The profile of the account, or null when it no longer exists. */
  abstract profile(userId: string): Promise<ProfileView | null>;
}

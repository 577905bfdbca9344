import type { AccountRole, UserAccount } from '../../domain/user-account.aggregate';

/** Admin search: newest first; `text` matches email or full name (case-insensitive substring). */
export interface AccountSearch {
  text?: string;
  role?: AccountRole;
  active?: boolean;
  limit: number;
  offset: number;
}

export abstract class UserAccountRepository {
  abstract findById(id: string): Promise<UserAccount | null>;
  abstract findByEmail(email: string): Promise<UserAccount | null>;
  abstract findByExternalId(externalId: string): Promise<UserAccount | null>;
  /** Throws EmailAlreadyRegisteredError when the email (in any letter case) is taken. */
  abstract insert(account: UserAccount): Promise<void>;
  abstract update(account: UserAccount): Promise<void>;
  abstract delete(id: string): Promise<void>;
  abstract search(criteria: AccountSearch): Promise<{ accounts: UserAccount[]; total: number }>;
}

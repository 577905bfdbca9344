import type { UserAccount } from '../../domain/user-account.aggregate';

export abstract class UserAccountRepository {
  abstract findById(id: string): Promise<UserAccount | null>;
  abstract findByEmail(email: string): Promise<UserAccount | null>;
  abstract findByExternalId(externalId: string): Promise<UserAccount | null>;
  /** Throws EmailAlreadyRegisteredError when the email (in any letter case) is taken. */
  abstract insert(account: UserAccount): Promise<void>;
  abstract update(account: UserAccount): Promise<void>;
  abstract delete(id: string): Promise<void>;
}

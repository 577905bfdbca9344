import type { DateOfBirth } from '../../domain/date-of-birth.value-object';
import type { Email } from '../../domain/email.value-object';
import type { FullName } from '../../domain/full-name.value-object';
import type { Password } from '../../domain/password.value-object';
import type { UserAccount } from '../../domain/user-account.aggregate';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
}

export interface AuthenticatedAccount {
  tokens: TokenPair;
  account: UserAccount;
}

/** Where a request comes from; kept on the session for the user's device list. */
export interface ClientContext {
  userAgent?: string | null;
  ipAddress?: string | null;
}

export interface Registration {
  email: Email;
  fullName: FullName;
  dateOfBirth: DateOfBirth;
  password: Password;
}

/** The authenticated caller, as established from a verified access token. */
export interface Principal {
  userId: string;
  sessionId: string;
}

/**
 * Who holds the credentials and issues the tokens: the self-hosted provider (argon2id + RS256) or an
 * external one such as Auth0. Either way the local account record is the source of the profile.
 */
export abstract class IdentityProvider {
  abstract readonly name: string;
  abstract signUp(registration: Registration, client: ClientContext): Promise<AuthenticatedAccount>;
  /** Throws InvalidCredentialsError for an unknown email or a wrong password alike. */
  abstract logIn(email: Email, password: string, client: ClientContext): Promise<AuthenticatedAccount>;
  abstract refresh(refreshToken: string, client: ClientContext): Promise<TokenPair>;
  abstract logOut(principal: Principal, refreshToken: string): Promise<void>;
}

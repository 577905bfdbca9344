import { ConflictError, TooManyRequestsError, UnauthenticatedError } from '@fluentpro/shared';

export class EmailAlreadyRegisteredError extends ConflictError {
  override readonly code = 'AUTH.EMAIL_TAKEN';

  constructor() {
    super('User already exists', 'A user with this email already exists');
  }
}

/** The same answer for an unknown email and a wrong password. */
export class InvalidCredentialsError extends UnauthenticatedError {
  override readonly code = 'AUTH.INVALID_CREDENTIALS';

  constructor() {
    super('Invalid credentials', 'Email or password is incorrect');
  }
}

export class InvalidRefreshTokenError extends UnauthenticatedError {
  override readonly code = 'AUTH.INVALID_REFRESH_TOKEN';

  constructor() {
    super('Invalid token', 'The refresh token is invalid, expired or revoked');
  }
}

export class InvalidAccessTokenError extends UnauthenticatedError {
  override readonly code = 'AUTH.INVALID_ACCESS_TOKEN';

  constructor(message = 'The access token is missing, invalid, expired or revoked') {
    super('Invalid token', message);
  }
}

export class AccountTemporarilyLockedError extends TooManyRequestsError {
  override readonly code = 'AUTH.ACCOUNT_LOCKED';

  constructor(retryAfterSeconds: number) {
    super(retryAfterSeconds, 'Too many failed login attempts. Try again later.');
  }
}

/** The identity provider has blocked the account (too many attempts, or by an administrator). */
export class AccountBlockedError extends TooManyRequestsError {
  override readonly code = 'AUTH.ACCOUNT_BLOCKED';

  constructor(retryAfterSeconds: number) {
    super(
      retryAfterSeconds,
      'This account is blocked after too many attempts. Follow the unblock email or try again later.',
    );
  }
}

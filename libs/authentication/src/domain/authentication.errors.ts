import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  TooManyRequestsError,
  UnauthenticatedError,
} from '@fluentpro/shared';

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

/** Told only after the password has been verified, so it reveals nothing to a guesser. */
export class AccountDeactivatedError extends ForbiddenError {
  override readonly code = 'AUTH.ACCOUNT_DEACTIVATED';

  constructor() {
    super('Account deactivated', 'This account has been deactivated');
  }
}

export class AdminRoleRequiredError extends ForbiddenError {
  override readonly code = 'AUTH.ADMIN_REQUIRED';

  constructor() {
    super('Forbidden', 'This action requires the admin role');
  }
}

export class SessionNotFoundError extends NotFoundError {
  override readonly code = 'AUTH.SESSION_NOT_FOUND';

  constructor() {
    super('Session not found', 'No active session with this id belongs to this account');
  }
}

export class UserNotFoundError extends NotFoundError {
  override readonly code = 'AUTH.USER_NOT_FOUND';

  constructor() {
    super('User not found', 'No user has this id or email');
  }
}

export class PasswordManagedElsewhereError extends ConflictError {
  override readonly code = 'AUTH.PASSWORD_MANAGED_ELSEWHERE';

  constructor() {
    super(
      'Password managed elsewhere',
      'This account signs in through an external identity provider; change the password there',
    );
  }
}

export class AdminCreationNeedsSelfHostedIdentityError extends ConflictError {
  override readonly code = 'AUTH.ADMIN_CREATION_UNSUPPORTED';

  constructor() {
    super(
      'Not with this identity provider',
      'The identity provider holds the passwords: sign the admin up through the API, then run promote',
    );
  }
}

export class CannotDeactivateOwnAccountError extends ConflictError {
  override readonly code = 'AUTH.CANNOT_DEACTIVATE_SELF';

  constructor() {
    super('Cannot deactivate own account', 'An admin cannot deactivate their own account');
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

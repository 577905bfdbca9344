import { Injectable, Logger } from '@nestjs/common';
import { ManagementClient } from 'auth0';
import { AuthApiError, AuthenticationClient, type TokenSet } from 'auth0/legacy';
import { decode } from 'jsonwebtoken';
import { AppConfig, ValidationFailedError } from '@fluentpro/shared';
import {
  AccountBlockedError,
  AccountTemporarilyLockedError,
  EmailAlreadyRegisteredError,
  InvalidCredentialsError,
  InvalidRefreshTokenError,
} from '../../domain/authentication.errors';
import { auth0Unavailable, Auth0Settings } from './auth0-settings';

/** What FluentPro keeps from an Auth0 token response. */
export interface Auth0Tokens {
  accessToken: string;
  /** Absent when the API does not allow offline access, or on a refresh without rotation. */
  refreshToken: string | null;
  expiresIn: number;
  /** The access token's `sub`: the Auth0 user id the local account is linked by. */
  subject: string;
  accessTokenExpiresAt: Date;
}

type Operation = 'sign-up' | 'log-in' | 'refresh' | 'revoke';

const GRANT_SCOPE = 'offline_access';

/** Auth0's error codes for a password its connection policy refuses. */
const PASSWORD_POLICY_CODES = new Set([
  'invalid_password',
  'password_strength_error',
  'password_dictionary_error',
  'password_no_user_info_error',
  'password_leaked',
  'PasswordStrengthError',
  'PasswordHistoryError',
]);

function bodyOf(error: AuthApiError): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(error.body);
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

/** Network failures, timeouts and Auth0's own 5xx/overload answers: the provider is not serving. */
function isOutage(error: unknown): boolean {
  if (error instanceof AuthApiError) return error.statusCode >= 500;
  const name = (error as { name?: unknown })?.name;
  if (name === 'FetchError' || name === 'TimeoutError' || name === 'AbortError') return true;
  if (name === 'ResponseError') return (error as { statusCode: number }).statusCode >= 500;
  return error instanceof TypeError; // fetch() rejects with a TypeError when it cannot connect
}

/**
 * The Auth0 calls FluentPro makes, through the SDK: the Authentication API (database sign-up,
 * password-realm and refresh-token grants, revocation) with `AuthenticationClient`, and the
 * Management API (deleting a user left behind by a failed sign-up) with `ManagementClient`.
 * Auth0's answers become the contract's domain errors here, and nowhere else.
 */
@Injectable()
export class Auth0Gateway {
  private readonly logger = new Logger('Auth0');
  private readonly authentication: AuthenticationClient;
  private readonly management: ManagementClient;

  constructor(
    private readonly settings: Auth0Settings,
    private readonly config: AppConfig,
  ) {
    this.authentication = new AuthenticationClient({
      domain: settings.domain,
      clientId: settings.clientId,
      clientSecret: settings.clientSecret,
      fetch: settings.fetch,
      timeoutDuration: settings.timeoutMs,
      clientInfo: { name: 'fluentpro-backend' },
    });
    this.management = new ManagementClient({
      domain: settings.domain,
      clientId: settings.managementClientId,
      clientSecret: settings.managementClientSecret,
      fetch: settings.fetch,
      timeoutInSeconds: Math.ceil(settings.timeoutMs / 1000),
      maxRetries: 1,
      clientInfo: { name: 'fluentpro-backend' },
    });
  }

  /** Creates the user in the database connection; returns its Auth0 user id (`auth0|…`). */
  async signUp(email: string, password: string, fullName: string): Promise<string> {
    try {
      const { data } = await this.authentication.database.signUp({
        email,
        password,
        connection: this.settings.connection,
        name: fullName,
      });
      const raw = data as { _id?: string; id?: string; user_id?: string };
      const id = raw.user_id ?? raw._id ?? raw.id;
      if (!id) throw new Error('Auth0 sign-up answered without a user id');
      // Database connections prefix their users' ids with the strategy, `auth0|`.
      return id.includes('|') ? id : `auth0|${id}`;
    } catch (error) {
      throw this.translate(error, 'sign-up');
    }
  }

  /** Password-realm grant against the configured connection, asking for a refresh token. */
  async passwordGrant(email: string, password: string, ipAddress?: string | null): Promise<Auth0Tokens> {
    try {
      const { data } = await this.authentication.oauth.passwordGrant(
        {
          username: email,
          password,
          realm: this.settings.connection,
          audience: this.settings.audience,
          scope: GRANT_SCOPE,
        },
        // Lets Auth0's brute-force protection see the end user's address (needs "Trust Token Endpoint IP Header").
        ipAddress ? { initOverrides: { headers: { 'auth0-forwarded-for': ipAddress } } } : {},
      );
      return this.toTokens(data);
    } catch (error) {
      throw this.translate(error, 'log-in');
    }
  }

  async refreshGrant(refreshToken: string): Promise<Auth0Tokens> {
    try {
      const { data } = await this.authentication.oauth.refreshTokenGrant({ refresh_token: refreshToken });
      return this.toTokens(data);
    } catch (error) {
      throw this.translate(error, 'refresh');
    }
  }

  async revokeRefreshToken(refreshToken: string): Promise<void> {
    try {
      await this.authentication.oauth.revokeRefreshToken({ token: refreshToken });
    } catch (error) {
      throw this.translate(error, 'revoke');
    }
  }

  /** Best effort: a failure is logged with the user id so an operator can remove it by hand. */
  async revokeQuietly(refreshToken: string, why: string): Promise<void> {
    try {
      await this.revokeRefreshToken(refreshToken);
    } catch (error) {
      this.logger.warn({ err: error, why }, 'Could not revoke an Auth0 refresh token');
    }
  }

  /** Removes an Auth0 user; returns false (and logs) when Auth0 could not be told. */
  async deleteUser(userId: string): Promise<boolean> {
    try {
      await this.management.users.delete(userId);
      return true;
    } catch (error) {
      this.logger.error(
        { err: error, auth0_user_id: userId },
        'Could not delete an Auth0 user left by a failed sign-up; it is adopted by the next sign-up ' +
          'with its password, or delete it in the Auth0 dashboard',
      );
      return false;
    }
  }

  private toTokens(data: TokenSet): Auth0Tokens {
    const claims = decode(data.access_token, { json: true });
    if (!claims || typeof claims.sub !== 'string' || claims.sub === '') {
      throw new Error('Auth0 returned an access token without a subject (is AUTH0_AUDIENCE an API?)');
    }
    const expiresIn = Number(data.expires_in);
    const exp = typeof claims.exp === 'number' ? claims.exp * 1000 : Date.now() + expiresIn * 1000;
    return {
      accessToken: data.access_token,
      refreshToken: data.refresh_token ?? null,
      expiresIn,
      subject: claims.sub,
      accessTokenExpiresAt: new Date(exp),
    };
  }

  private translate(error: unknown, operation: Operation): Error {
    if (isOutage(error)) return auth0Unavailable(error);
    if (!(error instanceof AuthApiError)) return error instanceof Error ? error : new Error(String(error));
    const code = error.error;
    const description = typeof error.error_description === 'string' ? error.error_description : '';
    if (operation === 'sign-up') {
      if (code === 'user_exists' || code === 'username_exists' || code === 'invalid_signup')
        return new EmailAlreadyRegisteredError();
      if (error.statusCode === 409) return new EmailAlreadyRegisteredError();
      if (PASSWORD_POLICY_CODES.has(code) || bodyOf(error).name === 'PasswordStrengthError') {
        const message = bodyOf(error).message;
        return new ValidationFailedError({
          password: [
            typeof message === 'string' && message !== ''
              ? `The identity provider refused this password: ${message}`
              : 'The identity provider refused this password',
          ],
        });
      }
    }
    if (operation === 'log-in') {
      if (code === 'too_many_attempts')
        return new AccountTemporarilyLockedError(this.config.env.LOGIN_LOCKOUT_MAX_SECONDS);
      if (code === 'unauthorized' && /blocked/i.test(description))
        return new AccountBlockedError(this.config.env.LOGIN_LOCKOUT_MAX_SECONDS);
      if (code === 'invalid_grant' || code === 'invalid_user_password') return new InvalidCredentialsError();
    }
    if (operation === 'refresh' && code === 'invalid_grant') return new InvalidRefreshTokenError();
    // A 429 left here is the tenant's rate limit, not the user's doing.
    if (error.statusCode === 429) return auth0Unavailable(error);
    return new Error(`Auth0 ${operation} failed: ${error.statusCode} ${code} ${description}`.trim());
  }
}

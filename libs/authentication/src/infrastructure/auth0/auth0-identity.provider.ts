import { Injectable, Logger } from '@nestjs/common';
import { AppConfig, Clock, EventOutbox, UnitOfWork } from '@fluentpro/shared';
import { AuthenticationEvents } from '../../application/authentication-events';
import {
  AuthenticatedAccount,
  ClientContext,
  IdentityProvider,
  Principal,
  Registration,
  TokenPair,
} from '../../application/ports/identity-provider';
import { SessionRepository } from '../../application/ports/session.repository';
import { UserAccountRepository } from '../../application/ports/user-account.repository';
import { SessionRevocation } from '../../application/session-revocation';
import {
  AccountDeactivatedError,
  EmailAlreadyRegisteredError,
  InvalidCredentialsError,
  InvalidRefreshTokenError,
} from '../../domain/authentication.errors';
import type { Email } from '../../domain/email.value-object';
import { Session } from '../../domain/session.aggregate';
import { UserAccount } from '../../domain/user-account.aggregate';
import { IssuedToken, TypeOrmAuth0SessionTokens } from '../persistence/typeorm-auth0-session-tokens';
import { Auth0Gateway, Auth0Tokens } from './auth0-gateway';
import { tokenDigest } from './auth0-settings';

/**
 * Auth0 holds the credentials and issues the tokens; FluentPro keeps the account (linked by the
 * Auth0 `sub`) and a local session per log-in with the digests of the tokens Auth0 issued to it, so
 * logging out ends the session's access tokens here at once and refresh-token reuse is detected
 * whatever the tenant's settings. Nothing is written locally until Auth0 has answered, and a local
 * write that fails after Auth0 created a user removes that user again. Sign-up and log-in record the
 * same integration events as the self-hosted provider, in the same transaction as the account and
 * the session.
 */
@Injectable()
export class Auth0IdentityProvider extends IdentityProvider {
  readonly name = 'auth0';
  private readonly logger = new Logger('Auth0');

  constructor(
    private readonly gateway: Auth0Gateway,
    private readonly accounts: UserAccountRepository,
    private readonly sessions: SessionRepository,
    private readonly issued: TypeOrmAuth0SessionTokens,
    private readonly revocation: SessionRevocation,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly outbox: EventOutbox,
  ) {
    super();
  }

  async signUp(registration: Registration, client: ClientContext): Promise<AuthenticatedAccount> {
    const email = registration.email.value;
    const password = registration.password.value;
    if (await this.accounts.findByEmail(email)) throw new EmailAlreadyRegisteredError();
    let createdHere: string | null = null;
    try {
      createdHere = await this.gateway.signUp(email, password, registration.fullName.value);
    } catch (error) {
      // Auth0 knows the email but FluentPro does not: a user left by an interrupted sign-up, or one
      // of another application of the tenant. Whoever proves its password links it; others get 409.
      if (!(error instanceof EmailAlreadyRegisteredError)) throw error;
    }
    let tokens: Auth0Tokens;
    try {
      tokens = this.withRefreshToken(await this.gateway.passwordGrant(email, password, client.ipAddress));
    } catch (error) {
      if (createdHere) await this.removeAuth0User(createdHere);
      throw !createdHere && error instanceof InvalidCredentialsError
        ? new EmailAlreadyRegisteredError()
        : error;
    }
    const now = this.clock.now();
    const account = UserAccount.register({
      ...registration,
      passwordHash: null,
      externalId: tokens.subject,
      now,
    });
    const session = this.startSession(account.id, tokens, client, now);
    try {
      await this.unitOfWork.run(async () => {
        await this.accounts.insert(account);
        await this.sessions.insert(session);
        await this.recordIssued(session, tokens, 0, now);
        await this.outbox.record(AuthenticationEvents.userRegistered(account));
      });
    } catch (error) {
      await this.gateway.revokeQuietly(tokens.refreshToken!, 'sign-up not stored');
      if (createdHere) await this.removeAuth0User(tokens.subject);
      throw error;
    }
    return { account, tokens: this.tokenPair(tokens, tokens.refreshToken!) };
  }

  async logIn(email: Email, password: string, client: ClientContext): Promise<AuthenticatedAccount> {
    const tokens = this.withRefreshToken(
      await this.gateway.passwordGrant(email.value, password, client.ipAddress),
    );
    const account = await this.accounts.findByExternalId(tokens.subject);
    if (!account) {
      // Authenticated at Auth0 but never signed up here (or its sign-up was undone): no FluentPro account.
      this.logger.warn(
        { auth0_user_id: tokens.subject },
        'Auth0 user without a FluentPro account tried to log in',
      );
      await this.gateway.revokeQuietly(tokens.refreshToken!, 'no local account');
      throw new InvalidCredentialsError();
    }
    if (!account.isActive) {
      // The password was right (Auth0 says so), so telling the owner reveals nothing to a guesser.
      await this.gateway.revokeQuietly(tokens.refreshToken!, 'account deactivated');
      throw new AccountDeactivatedError();
    }
    const now = this.clock.now();
    const session = this.startSession(account.id, tokens, client, now);
    try {
      await this.unitOfWork.run(async () => {
        await this.sessions.insert(session);
        await this.recordIssued(session, tokens, 0, now);
        await this.outbox.record(AuthenticationEvents.userLoggedIn(session, now));
      });
    } catch (error) {
      await this.gateway.revokeQuietly(tokens.refreshToken!, 'session not stored');
      throw error;
    }
    return { account, tokens: this.tokenPair(tokens, tokens.refreshToken!) };
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const known = await this.issued.findRefreshToken(tokenDigest(refreshToken));
    // Tokens FluentPro never handed out are refused without asking Auth0.
    if (!known) throw new InvalidRefreshTokenError();
    const now = this.clock.now();
    const session = await this.sessions.findById(known.sessionId);
    if (!session || !session.isActive(now)) throw new InvalidRefreshTokenError();
    const behind = (await this.issued.headGeneration(session.id)) - known.generation;
    const standing = session.assess(behind, now, this.config.env.REFRESH_TOKEN_REUSE_INTERVAL_SECONDS);
    if (standing === 'reused' || standing === 'foreign') {
      await this.endSession(session, 'refresh-token-reuse');
      await this.gateway.revokeQuietly(refreshToken, 'refresh-token reuse');
      throw new InvalidRefreshTokenError();
    }
    let tokens: Auth0Tokens;
    try {
      tokens = await this.gateway.refreshGrant(refreshToken);
    } catch (error) {
      // Auth0 no longer honours the token (revoked there, expired, or its own reuse detection).
      if (error instanceof InvalidRefreshTokenError) await this.endSession(session, 'provider-logout');
      throw error;
    }
    const stored = await this.unitOfWork.run(async () => {
      const current = await this.sessions.findById(session.id);
      if (!current || !current.isActive(now)) return false; // logged out while Auth0 answered
      if (tokens.refreshToken && standing === 'current') {
        const expected = current.refreshTokenHash;
        current.rotate(tokenDigest(tokens.refreshToken), now);
        // A racing refresh of the same token may have rotated first; both results stay valid.
        await this.sessions.saveRotation(current, expected);
      }
      await this.recordIssued(current, tokens, known.generation + 1, now);
      await this.issued.purgeExpiredAccessTokens(current.id, now);
      return true;
    });
    if (!stored) {
      if (tokens.refreshToken) await this.gateway.revokeQuietly(tokens.refreshToken, 'session ended');
      throw new InvalidRefreshTokenError();
    }
    // Without rotation at Auth0 the presented refresh token stays the session's.
    return this.tokenPair(tokens, tokens.refreshToken ?? refreshToken);
  }

  async logOut(principal: Principal, refreshToken: string): Promise<void> {
    const now = this.clock.now();
    const known = await this.issued.findRefreshToken(tokenDigest(refreshToken));
    const ownsToken = await this.unitOfWork.run(async () => {
      const current = await this.sessions.findById(principal.sessionId);
      const other =
        known && known.sessionId !== principal.sessionId
          ? await this.sessions.findById(known.sessionId)
          : null;
      const ownsOther = other !== null && other.userId === principal.userId;
      // The refresh token's own session ends too, if it is the caller's. When Auth0 gave both sessions
      // the very same access token, that token cannot tell the caller's session: the refresh token does.
      const ambiguous = ownsOther && (await this.issued.shareAnAccessToken(principal.sessionId, other.id));
      const ending = [ambiguous ? null : current, ownsOther ? other : null].filter(
        (session): session is Session => session !== null && session.userId === principal.userId,
      );
      await this.revocation.revoke(ending, 'logout', now);
      return known !== null && (known.sessionId === principal.sessionId || ownsOther);
    });
    // The local session is what FluentPro honours; revoking at Auth0 as well is hygiene, so an Auth0
    // outage does not fail the logout (only FluentPro holds the client secret the token needs).
    if (ownsToken) await this.gateway.revokeQuietly(refreshToken, 'logout');
  }

  /** The contract promises a refresh token; Auth0 gives one only when the API allows offline access. */
  private withRefreshToken(tokens: Auth0Tokens): Auth0Tokens {
    if (!tokens.refreshToken) {
      throw new Error(
        'Auth0 returned no refresh token: enable "Allow Offline Access" on the API of AUTH0_AUDIENCE ' +
          'and the Refresh Token grant on the application',
      );
    }
    return tokens;
  }

  private async removeAuth0User(auth0UserId: string): Promise<void> {
    // A racing sign-up that proved the same password may have linked this user; it stays then.
    let linked: boolean;
    try {
      linked = (await this.accounts.findByExternalId(auth0UserId)) !== null;
    } catch (error) {
      this.logger.error(
        { err: error, auth0_user_id: auth0UserId },
        'Kept an Auth0 user: could not check its link',
      );
      return;
    }
    if (!linked) await this.gateway.deleteUser(auth0UserId);
  }

  private async endSession(
    session: Session,
    reason: 'refresh-token-reuse' | 'provider-logout',
  ): Promise<void> {
    await this.revocation.revoke([session], reason, this.clock.now());
  }

  private startSession(userId: string, tokens: Auth0Tokens, client: ClientContext, now: Date): Session {
    return Session.start({
      userId,
      refreshTokenHash: tokenDigest(tokens.refreshToken!),
      now,
      lifetimeSeconds: this.config.env.SESSION_LIFETIME_DAYS * 86_400,
      userAgent: client.userAgent,
      ipAddress: client.ipAddress,
    });
  }

  private recordIssued(session: Session, tokens: Auth0Tokens, generation: number, now: Date): Promise<void> {
    const issued: IssuedToken[] = [
      {
        tokenHash: tokenDigest(tokens.accessToken),
        kind: 'access',
        generation: 0,
        expiresAt: tokens.accessTokenExpiresAt,
      },
    ];
    if (tokens.refreshToken) {
      issued.push({
        tokenHash: tokenDigest(tokens.refreshToken),
        kind: 'refresh',
        generation,
        expiresAt: session.snapshot().expiresAt,
      });
    }
    return this.issued.record(session.id, issued, now);
  }

  private tokenPair(tokens: Auth0Tokens, refreshToken: string): TokenPair {
    return { accessToken: tokens.accessToken, refreshToken, expiresIn: tokens.expiresIn };
  }
}

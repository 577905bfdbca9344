import { Injectable, Optional } from '@nestjs/common';
import {
  AppConfig,
  AuthOutcomes,
  Clock,
  EventOutbox,
  IgnoredAuthOutcomes,
  UnitOfWork,
} from '@fluentpro/shared';
import { AuthenticationEvents } from '../../application/authentication-events';
import {
  AuthenticatedAccount,
  ClientContext,
  IdentityProvider,
  Principal,
  Registration,
  TokenPair,
} from '../../application/ports/identity-provider';
import { PasswordHasher } from '../../application/ports/password-hasher';
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
import { AccessTokenService } from '../security/access-token.service';
import { RefreshTokenCodec } from '../security/refresh-token-codec';

/** Credentials and sessions kept by FluentPro itself: argon2id hashes, RS256 tokens, rotating refresh tokens. */
@Injectable()
export class SelfHostedIdentityProvider extends IdentityProvider {
  readonly name = 'self-hosted';

  constructor(
    private readonly accounts: UserAccountRepository,
    private readonly sessions: SessionRepository,
    private readonly hasher: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
    private readonly refreshTokens: RefreshTokenCodec,
    private readonly revocation: SessionRevocation,
    private readonly unitOfWork: UnitOfWork,
    private readonly config: AppConfig,
    private readonly clock: Clock,
    private readonly outbox: EventOutbox,
    @Optional() private readonly outcomes: AuthOutcomes = new IgnoredAuthOutcomes(),
  ) {
    super();
  }

  async signUp(registration: Registration, client: ClientContext): Promise<AuthenticatedAccount> {
    // Cheap early answer for the common duplicate; the unique index decides races.
    if (await this.accounts.findByEmail(registration.email.value)) throw new EmailAlreadyRegisteredError();
    const passwordHash = await this.hasher.hash(registration.password.value);
    const now = this.clock.now();
    const account = UserAccount.register({ ...registration, passwordHash, now });
    const secret = this.refreshTokens.newSecret();
    const session = this.newSession(account.id, secret, client, now);
    await this.unitOfWork.run(async () => {
      await this.accounts.insert(account);
      await this.sessions.insert(session);
      await this.outbox.record(AuthenticationEvents.userRegistered(account));
    });
    return { account, tokens: await this.tokenPair(session, secret) };
  }

  async logIn(email: Email, password: string, client: ClientContext): Promise<AuthenticatedAccount> {
    const account = await this.accounts.findByEmail(email.value);
    // Always one argon2 verification, against a dummy hash when the account is unknown.
    const valid = await this.hasher.verify(account?.passwordHash ?? null, password);
    if (!account || !valid) throw new InvalidCredentialsError();
    if (!account.isActive) throw new AccountDeactivatedError();
    const secret = this.refreshTokens.newSecret();
    const now = this.clock.now();
    const session = this.newSession(account.id, secret, client, now);
    await this.unitOfWork.run(async () => {
      await this.sessions.insert(session);
      await this.outbox.record(AuthenticationEvents.userLoggedIn(session, now));
    });
    return { account, tokens: await this.tokenPair(session, secret) };
  }

  async refresh(refreshToken: string): Promise<TokenPair> {
    const parsed = this.refreshTokens.parse(refreshToken);
    if (!parsed) throw new InvalidRefreshTokenError();
    for (let attempt = 0; attempt < 2; attempt += 1) {
      const now = this.clock.now();
      const session = await this.sessions.findById(parsed.sessionId);
      if (!session || !session.isActive(now)) throw new InvalidRefreshTokenError();
      const behind = this.refreshTokens.generationsBehind(parsed.secret, session.refreshTokenHash);
      switch (session.assess(behind, now, this.config.env.REFRESH_TOKEN_REUSE_INTERVAL_SECONDS)) {
        case 'current': {
          const next = this.refreshTokens.successor(parsed.secret);
          const expected = session.refreshTokenHash;
          session.rotate(this.refreshTokens.hash(next), now);
          // One conditional UPDATE: atomic by itself, no transaction needed around it.
          const rotated = await this.unitOfWork.runStatement(() =>
            this.sessions.saveRotation(session, expected),
          );
          if (rotated) return await this.tokenPair(session, next);
          continue; // A racing request rotated first: look again, as its predecessor.
        }
        case 'predecessor-within-reuse-interval':
          return await this.tokenPair(session, this.refreshTokens.successor(parsed.secret));
        case 'reused':
          await this.revocation.revoke([session], 'refresh-token-reuse', now);
          this.outcomes.record('refresh_reuse_detected');
          throw new InvalidRefreshTokenError();
        case 'foreign':
          throw new InvalidRefreshTokenError();
      }
    }
    throw new InvalidRefreshTokenError();
  }

  async logOut(principal: Principal, refreshToken: string): Promise<void> {
    const now = this.clock.now();
    await this.unitOfWork.run(async () => {
      const current = await this.sessions.findById(principal.sessionId);
      const parsed = this.refreshTokens.parse(refreshToken);
      const other =
        parsed && parsed.sessionId !== principal.sessionId
          ? await this.sessions.findById(parsed.sessionId)
          : null;
      // The refresh token's own session ends too, if it is the caller's and the token is of its family.
      const ownsOther =
        other?.userId === principal.userId &&
        this.refreshTokens.generationsBehind(parsed!.secret, other.refreshTokenHash) !== null;
      const ending = [current, ownsOther ? other : null].filter(
        (session): session is Session => session !== null && session.userId === principal.userId,
      );
      await this.revocation.revoke(ending, 'logout', now);
    });
  }

  private newSession(userId: string, secret: string, client: ClientContext, now: Date): Session {
    return Session.start({
      userId,
      refreshTokenHash: this.refreshTokens.hash(secret),
      now,
      lifetimeSeconds: this.config.env.SESSION_LIFETIME_DAYS * 86_400,
      userAgent: client.userAgent,
      ipAddress: client.ipAddress,
    });
  }

  private async tokenPair(session: Session, secret: string): Promise<TokenPair> {
    return {
      accessToken: await this.accessTokens.issue({ sub: session.userId, sid: session.id }),
      refreshToken: this.refreshTokens.format(session.id, secret),
      expiresIn: this.accessTokens.ttlSeconds,
    };
  }
}

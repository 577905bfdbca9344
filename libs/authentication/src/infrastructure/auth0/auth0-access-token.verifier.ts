import { Injectable } from '@nestjs/common';
import { JwksClient, type SigningKey } from 'jwks-rsa';
import type { SecretOrKeyProvider } from 'passport-jwt';
import { Clock } from '@fluentpro/shared';
import type { Principal } from '../../application/ports/identity-provider';
import { SessionRepository } from '../../application/ports/session.repository';
import { AccessTokenVerifier, jwtHeaderOf, VerifiedClaims } from '../../interface/http/access-token.verifier';
import { TypeOrmAuth0SessionTokens } from '../persistence/typeorm-auth0-session-tokens';
import { auth0Unavailable, Auth0Settings, tokenDigest } from './auth0-settings';

/** Keys are kept 10 minutes, and for an hour more while Auth0 cannot be reached. */
const KEY_CACHE_MAX_AGE_MS = 10 * 60_000;
const KEY_CACHE_FALLBACK_MS = 60 * 60_000;
/** Unknown key ids cause a JWKS fetch each, at most this many a minute. */
const JWKS_REQUESTS_PER_MINUTE = 10;

/**
 * Verifies Auth0 access tokens: RS256 only, issuer `https://<domain>/`, audience AUTH0_AUDIENCE (the
 * strategy pins all three), keys from the tenant's JWKS through jwks-rsa (cached, rate limited, an
 * unknown `kid` fetched again once). A verified token is honoured only while the local session it was
 * issued to is live, so logging out ends it at once; tokens FluentPro did not hand out are refused.
 */
@Injectable()
export class Auth0AccessTokenVerifier extends AccessTokenVerifier {
  readonly issuer: string;
  readonly audience: string;
  readonly keyProvider: SecretOrKeyProvider;
  private readonly jwks: JwksClient;

  constructor(
    settings: Auth0Settings,
    private readonly issued: TypeOrmAuth0SessionTokens,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {
    super();
    this.issuer = settings.issuer;
    this.audience = settings.audience;
    this.jwks = new JwksClient({
      jwksUri: settings.jwksUri,
      fetcher: (uri) => settings.getJson(uri) as Promise<{ keys: unknown }>,
      cache: true,
      cacheMaxAge: KEY_CACHE_MAX_AGE_MS,
      cacheMaxAgeFallback: KEY_CACHE_FALLBACK_MS,
      rateLimit: true,
      jwksRequestsPerMinute: JWKS_REQUESTS_PER_MINUTE,
    });
    this.keyProvider = (_request, rawJwt: string, done) => {
      const header = jwtHeaderOf(rawJwt);
      if (!header || header.alg !== 'RS256') return done(new Error('Only RS256 tokens are accepted'));
      const kid = typeof header.kid === 'string' ? header.kid : undefined;
      this.jwks.getSigningKey(kid).then(
        (key: SigningKey) => done(null, key.getPublicKey()),
        (error: Error & { isEndpointUnavailable?: boolean }) =>
          // Unknown key or too many lookups: the token is not ours (401). Keys out of reach: 503.
          done(error.isEndpointUnavailable ? auth0Unavailable(error) : error),
      );
    };
  }

  async toPrincipal(claims: VerifiedClaims, rawToken: () => string): Promise<Principal | null> {
    const token = rawToken();
    if (typeof claims.sub !== 'string' || token === '') return null;
    const now = this.clock.now();
    // Auth0's default token profile has no `jti`: two log-ins of one user within a second can get the
    // very same token. It then works only while every session it was issued to is live.
    const sessionIds = await this.issued.sessionsOfAccessToken(tokenDigest(token), now);
    if (sessionIds.length === 0) return null;
    const sessions = await Promise.all(sessionIds.map((id) => this.sessions.findById(id)));
    if (!sessions.every((session) => session?.isActive(now))) return null;
    return { userId: sessions[0]!.userId, sessionId: sessions[0]!.id };
  }
}

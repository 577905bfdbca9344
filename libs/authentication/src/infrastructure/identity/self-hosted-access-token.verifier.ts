import { Injectable } from '@nestjs/common';
import type { SecretOrKeyProvider } from 'passport-jwt';
import { AppConfig, Clock } from '@fluentpro/shared';
import type { Principal } from '../../application/ports/identity-provider';
import { SessionRepository } from '../../application/ports/session.repository';
import { AccessTokenVerifier, VerifiedClaims } from '../../interface/http/access-token.verifier';
import { SigningKeys } from '../security/signing-keys';

function parseKeyId(encodedHeader: string): unknown {
  try {
    const header = JSON.parse(Buffer.from(encodedHeader, 'base64url').toString('utf8')) as {
      kid?: unknown;
    };
    return header.kid;
  } catch {
    return undefined;
  }
}

/**
 * Every token this service signs carries the same encoded header, so the last one decoded is kept:
 * the per-request JSON parse only happens for a header not seen just before (docs/performance.md).
 */
let lastHeader = '';
let lastKeyId: unknown;
function keyIdOf(rawJwt: string): unknown {
  const dot = rawJwt.indexOf('.');
  const encodedHeader = dot < 0 ? rawJwt : rawJwt.slice(0, dot);
  if (encodedHeader !== lastHeader) {
    lastKeyId = parseKeyId(encodedHeader);
    lastHeader = encodedHeader;
  }
  return lastKeyId;
}

/** Verifies our own RS256 tokens with the pre-parsed public key and requires a live session. */
@Injectable()
export class SelfHostedAccessTokenVerifier extends AccessTokenVerifier {
  readonly issuer: string;
  readonly audience: string;
  readonly keyProvider: SecretOrKeyProvider;

  constructor(
    keys: SigningKeys,
    config: AppConfig,
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {
    super();
    this.issuer = config.env.JWT_ISSUER;
    this.audience = config.env.JWT_AUDIENCE;
    this.keyProvider = (_request, rawJwt: string, done) => {
      if (keyIdOf(rawJwt) === keys.keyId) done(null, keys.publicKey as never);
      else done(new Error('Unknown signing key'));
    };
  }

  async toPrincipal(claims: VerifiedClaims): Promise<Principal | null> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
    const active = await this.sessions.isActive(claims.sid, this.clock.now());
    return active ? { userId: claims.sub, sessionId: claims.sid } : null;
  }
}

import { randomUUID, sign } from 'node:crypto';
import { promisify } from 'node:util';
import { Injectable } from '@nestjs/common';
import { AppConfig } from '@fluentpro/shared';
import { SigningKeys } from './signing-keys';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

const signOnThreadpool = promisify(sign);

const base64url = (json: object): string => Buffer.from(JSON.stringify(json)).toString('base64url');

/**
 * Issues RS256 access tokens (RFC 7519 in JWS compact form): iss, aud, sub, iat, exp, jti, sid (session
 * id), kid in the header. The RSA signature — about 0.4 ms of CPU, most of a refresh's work — is made
 * on libuv's threadpool (`crypto.sign` with a callback), so the event loop keeps serving meanwhile
 * (docs/performance.md). Tokens are verified with jsonwebtoken/passport-jwt like any other.
 */
@Injectable()
export class AccessTokenService {
  private readonly encodedHeader: string;

  constructor(
    private readonly keys: SigningKeys,
    private readonly config: AppConfig,
  ) {
    this.encodedHeader = base64url({ alg: 'RS256', typ: 'JWT', kid: keys.keyId });
  }

  get ttlSeconds(): number {
    return this.config.env.ACCESS_TOKEN_TTL_SECONDS;
  }

  async issue(claims: AccessTokenClaims): Promise<string> {
    // Wall-clock time, as the verifiers (jsonwebtoken here, any client library) compare against it.
    const issuedAt = Math.floor(Date.now() / 1000);
    const payload = {
      sid: claims.sid,
      iat: issuedAt,
      exp: issuedAt + this.ttlSeconds,
      aud: this.config.env.JWT_AUDIENCE,
      iss: this.config.env.JWT_ISSUER,
      sub: claims.sub,
      jti: randomUUID(),
    };
    const signingInput = `${this.encodedHeader}.${base64url(payload)}`;
    const signature = await signOnThreadpool('sha256', Buffer.from(signingInput), this.keys.privateKey);
    return `${signingInput}.${signature.toString('base64url')}`;
  }
}

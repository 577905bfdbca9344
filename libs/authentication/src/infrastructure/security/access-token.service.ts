import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import { AppConfig } from '@fluentpro/shared';
import { SigningKeys } from './signing-keys';

export interface AccessTokenClaims {
  sub: string;
  sid: string;
}

/** Issues RS256 access tokens: iss, aud, sub, iat, exp, jti, sid (session id), kid in the header. */
@Injectable()
export class AccessTokenService {
  constructor(
    private readonly keys: SigningKeys,
    private readonly config: AppConfig,
  ) {}

  get ttlSeconds(): number {
    return this.config.env.ACCESS_TOKEN_TTL_SECONDS;
  }

  issue(claims: AccessTokenClaims): string {
    return sign({ sid: claims.sid }, this.keys.privateKey, {
      algorithm: 'RS256',
      keyid: this.keys.keyId,
      subject: claims.sub,
      issuer: this.config.env.JWT_ISSUER,
      audience: this.config.env.JWT_AUDIENCE,
      expiresIn: this.ttlSeconds,
      jwtid: randomUUID(),
    });
  }
}

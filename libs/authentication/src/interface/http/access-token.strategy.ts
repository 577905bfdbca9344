import { Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import type { FastifyRequest } from 'fastify';
import { ExtractJwt, Strategy } from 'passport-jwt';
import { AppConfig } from '@fluentpro/shared';
import type { Principal } from '../../application/ports/identity-provider';
import { AccessTokenVerifier, VerifiedClaims } from './access-token.verifier';

export const ACCESS_TOKEN_STRATEGY = 'access-token';

const bearerToken = ExtractJwt.fromAuthHeaderAsBearerToken();

/** passport-jwt with the algorithm pinned to RS256, issuer and audience checked, small clock tolerance. */
@Injectable()
export class AccessTokenStrategy extends PassportStrategy(Strategy, ACCESS_TOKEN_STRATEGY) {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    config: AppConfig,
  ) {
    super({
      jwtFromRequest: bearerToken,
      passReqToCallback: true,
      secretOrKeyProvider: verifier.keyProvider,
      algorithms: ['RS256'],
      issuer: verifier.issuer,
      audience: verifier.audience,
      ignoreExpiration: false,
      jsonWebTokenOptions: { clockTolerance: config.env.JWT_CLOCK_TOLERANCE_SECONDS, algorithms: ['RS256'] },
    });
  }

  async validate(request: FastifyRequest, claims: VerifiedClaims): Promise<Principal | false> {
    return (await this.verifier.toPrincipal(claims, () => bearerToken(request) ?? '')) ?? false;
  }
}

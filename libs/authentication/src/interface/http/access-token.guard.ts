import { createParamDecorator, ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ServiceUnavailableError } from '@fluentpro/shared';
import type { Principal } from '../../application/ports/identity-provider';
import { InvalidAccessTokenError } from '../../domain/authentication.errors';
import { ACCESS_TOKEN_STRATEGY } from './access-token.strategy';

/** Requires a valid, unrevoked Bearer access token; answers the contract's 401 otherwise. */
@Injectable()
export class AccessTokenGuard extends AuthGuard(ACCESS_TOKEN_STRATEGY) {
  override handleRequest<T = Principal>(error: unknown, principal: T | false, info?: unknown): T {
    // The token could not be checked at all (the identity provider's keys are out of reach): not a 401.
    if (info instanceof ServiceUnavailableError) throw info;
    if (
      error instanceof Error &&
      !(error.name === 'JsonWebTokenError' || error.name === 'TokenExpiredError')
    ) {
      throw error;
    }
    if (!principal) throw new InvalidAccessTokenError();
    return principal;
  }
}

/** The authenticated caller of a route guarded by AccessTokenGuard. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal =>
    context.switchToHttp().getRequest<{ user: Principal }>().user,
);

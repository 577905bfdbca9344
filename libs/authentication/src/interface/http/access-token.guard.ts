import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { ServiceUnavailableError } from '@fluentpro/shared';
import type { Principal } from '../../application/ports/identity-provider';
import { InvalidAccessTokenError } from '../../domain/authentication.errors';
import { AccessTokenStrategy } from './access-token.strategy';

/** What a failed check tells: the token could not be checked at all (keys out of reach) is not a 401. */
function refusal(info: unknown): Error {
  return info instanceof ServiceUnavailableError ? info : new InvalidAccessTokenError();
}

/**
 * Requires a valid, unrevoked Bearer access token; answers the contract's 401 otherwise (503 when the
 * identity provider's keys are out of reach; an error while checking the session is rethrown).
 *
 * It runs the passport-jwt strategy for the request the way passport runs a strategy: a per-request
 * object over the strategy with `success`, `fail` and `error` bound to this request, then
 * `authenticate`. @nestjs/passport's AuthGuard does the same through passport's `authenticate`
 * middleware and its promise and callback layers: on a bare Nest app doing `GET /profile`'s work they
 * cost ~20 µs per request and doubled its p99 in most runs (docs/performance.md), and every protected
 * route pays for the guard.
 */
@Injectable()
export class AccessTokenGuard implements CanActivate {
  constructor(private readonly strategy: AccessTokenStrategy) {}

  canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<{ user?: Principal }>();
    return new Promise((resolve, reject) => {
      const attempt = Object.create(this.strategy) as AccessTokenStrategy;
      attempt.success = (principal: Principal) => {
        request.user = principal;
        resolve(true);
      };
      // passport-jwt fails with the reason: no token, a bad or expired one, or the key provider's error.
      attempt.fail = (info?: unknown) => reject(refusal(info));
      // An error of the strategy's validate() (the session check): not the caller's fault.
      attempt.error = (error: Error) => reject(error);
      attempt.authenticate(request as unknown as Parameters<AccessTokenStrategy['authenticate']>[0]);
    });
  }
}

/**
 * A request AccessTokenGuard let through: `user` is its caller. Routes read it with `@Req()`: Nest runs
 * a custom parameter decorator's value through the global pipes, a chain of about a dozen promises per
 * request (3% of `GET /profile`'s instructions, docs/performance.md), and `@Req()` through none.
 */
export interface AuthenticatedRequest {
  user: Principal;
}

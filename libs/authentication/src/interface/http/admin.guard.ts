import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import type { Principal } from '../../application/ports/identity-provider';
import { RequireAdminHandler } from '../../application/require-admin/require-admin.handler';
import { AccessTokenGuard } from './access-token.guard';

/**
 * For admin routes: a valid access token (401 otherwise, like every protected route), then the
 * `admin` role on an active account, read from the database on each request (403 otherwise).
 */
@Injectable()
export class AdminGuard implements CanActivate {
  constructor(
    private readonly accessTokenGuard: AccessTokenGuard,
    private readonly requireAdmin: RequireAdminHandler,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    await this.accessTokenGuard.canActivate(context);
    const principal = context.switchToHttp().getRequest<{ user: Principal }>().user;
    await this.requireAdmin.execute(principal.userId);
    return true;
  }
}

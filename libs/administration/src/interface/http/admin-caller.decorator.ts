import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Principal } from '@fluentpro/authentication';
import { adminRequest, AdminRequest } from '../../application/admin-request';

/** The admin making the request (set by AdminGuard) and the request id, for the audit row. */
export const AdminCaller = createParamDecorator((_data: unknown, context: ExecutionContext): AdminRequest => {
  const request = context.switchToHttp().getRequest<{ user: Principal; id?: string | number }>();
  return adminRequest(request.user.userId, request.id === undefined ? null : String(request.id));
});

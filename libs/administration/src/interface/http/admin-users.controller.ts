import { Body, Controller, Delete, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AdminGuard } from '@fluentpro/authentication';
import { ApiErrors } from '@fluentpro/shared';
import type { AdminRequest } from '../../application/admin-request';
import { DeactivateUserHandler } from '../../application/deactivate-user/deactivate-user.handler';
import { ReactivateUserHandler } from '../../application/reactivate-user/reactivate-user.handler';
import { RevokeUserSessionsHandler } from '../../application/revoke-user-sessions/revoke-user-sessions.handler';
import { SearchUsersHandler } from '../../application/search-users/search-users.handler';
import { ViewUserHandler } from '../../application/view-user/view-user.handler';
import { AdminCaller } from './admin-caller.decorator';
import {
  AdminSessionsRevokedResponse,
  AdminUserDetailResponse,
  AdminUserListResponse,
  AdminUserResponse,
  DeactivateUserResponse,
  ListUsersQuery,
  ReasonRequest,
} from './admin.dto';

/** Accounts and their sessions, for admins. Every call is written to the audit log. */
@ApiTags('Admin')
@ApiBearerAuth()
@ApiErrors(401, 403, 500)
@UseGuards(AdminGuard)
@Controller({ path: 'admin/users', version: '1' })
export class AdminUsersController {
  constructor(
    private readonly searchUsers: SearchUsersHandler,
    private readonly viewUser: ViewUserHandler,
    private readonly deactivateUser: DeactivateUserHandler,
    private readonly reactivateUser: ReactivateUserHandler,
    private readonly revokeSessions: RevokeUserSessionsHandler,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List and search users (newest first, paginated)' })
  @ApiOkResponse({ type: AdminUserListResponse })
  @ApiErrors(400)
  list(@Query() query: ListUsersQuery, @AdminCaller() caller: AdminRequest): Promise<AdminUserListResponse> {
    return this.searchUsers.execute(caller, {
      text: query.search,
      role: query.role,
      status: query.status,
      page: query.page,
      pageSize: query.page_size,
    });
  }

  @Get(':id')
  @ApiOperation({ summary: 'One user with their active sessions and onboarding state' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AdminUserDetailResponse })
  @ApiErrors(404)
  async view(@Param('id') id: string, @AdminCaller() caller: AdminRequest): Promise<AdminUserDetailResponse> {
    const { user, sessions, onboarding } = await this.viewUser.execute(caller, id);
    return {
      user,
      sessions,
      onboarding: onboarding && {
        current_step: onboarding.currentStep,
        completed_steps: onboarding.completedSteps,
        progress_percentage: onboarding.progressPercentage,
        is_complete: onboarding.isComplete,
        updated_at: onboarding.updatedAt ?? null,
        learning_plan_status: onboarding.learningPlanStatus ?? null,
      },
    };
  }

  @Post(':id/deactivate')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Deactivate: every session ends (sockets close with 4409); no login or refresh until reactivated',
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: DeactivateUserResponse })
  @ApiErrors(400, 404, 409)
  async deactivate(
    @Param('id') id: string,
    @Body() body: ReasonRequest,
    @AdminCaller() caller: AdminRequest,
  ): Promise<DeactivateUserResponse> {
    const { user, sessionsRevoked } = await this.deactivateUser.execute(caller, id, body.reason ?? null);
    return { user, sessions_revoked: sessionsRevoked };
  }

  @Post(':id/reactivate')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reactivate: the user can log in again' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AdminUserResponse })
  @ApiErrors(400, 404)
  reactivate(
    @Param('id') id: string,
    @Body() body: ReasonRequest,
    @AdminCaller() caller: AdminRequest,
  ): Promise<AdminUserResponse> {
    return this.reactivateUser.execute(caller, id, body.reason ?? null);
  }

  @Delete(':id/sessions')
  @ApiOperation({ summary: 'End every session of the user (they stay active and can log in again)' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: AdminSessionsRevokedResponse })
  @ApiErrors(404)
  async revokeAll(
    @Param('id') id: string,
    @AdminCaller() caller: AdminRequest,
  ): Promise<AdminSessionsRevokedResponse> {
    const revoked = await this.revokeSessions.revokeAll(caller, id);
    return { message: 'Sessions revoked', sessions_revoked: revoked };
  }

  @Delete(':id/sessions/:sessionId')
  @ApiOperation({ summary: 'End one session of the user' })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiParam({ name: 'sessionId', format: 'uuid' })
  @ApiOkResponse({ type: AdminSessionsRevokedResponse })
  @ApiErrors(404)
  async revokeOne(
    @Param('id') id: string,
    @Param('sessionId') sessionId: string,
    @AdminCaller() caller: AdminRequest,
  ): Promise<AdminSessionsRevokedResponse> {
    await this.revokeSessions.revokeOne(caller, id, sessionId);
    return { message: 'Session revoked', sessions_revoked: 1 };
  }
}

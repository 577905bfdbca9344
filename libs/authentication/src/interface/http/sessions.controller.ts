import { Body, Controller, Delete, Get, HttpCode, Param, Post, Req, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { ThrottlerGuard } from '@nestjs/throttler';
import { ApiErrors } from '@fluentpro/shared';
import { ChangePasswordCommand } from '../../application/change-password/change-password.command';
import { ChangePasswordHandler } from '../../application/change-password/change-password.handler';
import { ListSessionsHandler } from '../../application/list-sessions/list-sessions.handler';
import { RevokeAllSessionsHandler } from '../../application/revoke-all-sessions/revoke-all-sessions.handler';
import { RevokeSessionHandler } from '../../application/revoke-session/revoke-session.handler';
import { AccessTokenGuard, type AuthenticatedRequest } from './access-token.guard';
import { MessageResponse } from './auth.dto';
import { ChangePasswordRequest, SessionListResponse, SessionsRevokedResponse } from './sessions.dto';

/** The signed-in user's devices and password: list and end sessions, log out everywhere, change password. */
@ApiTags('Sessions')
@ApiBearerAuth()
@UseGuards(AccessTokenGuard)
@Controller({ path: 'auth', version: '1' })
export class SessionsController {
  constructor(
    private readonly listSessions: ListSessionsHandler,
    private readonly revokeSession: RevokeSessionHandler,
    private readonly revokeAllSessions: RevokeAllSessionsHandler,
    private readonly changePasswordHandler: ChangePasswordHandler,
  ) {}

  @Get('sessions')
  @ApiOperation({ summary: 'Active sessions (devices) of the caller, most recently used first' })
  @ApiOkResponse({ type: SessionListResponse })
  @ApiErrors(401, 500)
  async list(@Req() { user: principal }: AuthenticatedRequest): Promise<SessionListResponse> {
    return { sessions: await this.listSessions.execute(principal) };
  }

  @Delete('sessions/:id')
  @ApiOperation({
    summary: "End one of the caller's sessions (its tokens stop working, its WebSocket closes with 4409)",
  })
  @ApiParam({ name: 'id', format: 'uuid' })
  @ApiOkResponse({ type: MessageResponse })
  @ApiErrors(401, 404, 500)
  async revoke(
    @Param('id') id: string,
    @Req() { user: principal }: AuthenticatedRequest,
  ): Promise<MessageResponse> {
    await this.revokeSession.execute(principal.userId, id, 'revoked-by-user');
    return { message: 'Session revoked' };
  }

  @Post('logout-all')
  @HttpCode(200)
  @ApiOperation({ summary: 'End every session of the caller, this one included' })
  @ApiOkResponse({ type: SessionsRevokedResponse })
  @ApiErrors(401, 500)
  async logOutAll(@Req() { user: principal }: AuthenticatedRequest): Promise<SessionsRevokedResponse> {
    const revoked = await this.revokeAllSessions.execute(principal.userId, 'logout-all');
    return { message: 'Logged out of every session', sessions_revoked: revoked };
  }

  @Post('password')
  @HttpCode(200)
  @UseGuards(ThrottlerGuard)
  @ApiOperation({
    summary: 'Change the password (current one required, sign-up policy); every other session ends',
  })
  @ApiOkResponse({ type: SessionsRevokedResponse })
  @ApiErrors(400, 401, 409, 429, 500, 503)
  async changePassword(
    @Body() body: ChangePasswordRequest,
    @Req() { user: principal }: AuthenticatedRequest,
  ): Promise<SessionsRevokedResponse> {
    const { sessionsRevoked } = await this.changePasswordHandler.execute(
      new ChangePasswordCommand(principal, body.current_password, body.new_password),
    );
    return { message: 'Password changed', sessions_revoked: sessionsRevoked };
  }
}

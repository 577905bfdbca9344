import { Controller, Get, HttpCode, Param, Post, Query, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { AdminGuard } from '@fluentpro/authentication';
import { ApiErrors, DeadLetteredJob } from '@fluentpro/shared';
import type { AdminRequest } from '../../application/admin-request';
import { ListDeadLettersHandler } from '../../application/list-dead-letters/list-dead-letters.handler';
import { OnboardingFunnelHandler } from '../../application/onboarding-funnel/onboarding-funnel.handler';
import { ReadAuditLogHandler } from '../../application/read-audit-log/read-audit-log.handler';
import { ReplayDeadLetterHandler } from '../../application/replay-dead-letter/replay-dead-letter.handler';
import { AdminCaller } from './admin-caller.decorator';
import {
  AuditLogQuery,
  AuditLogResponse,
  DeadLetteredJobListResponse,
  DeadLetteredJobResponse,
  OnboardingFunnelResponse,
  PageQuery,
} from './admin.dto';

function jobBody(job: DeadLetteredJob): DeadLetteredJobResponse {
  return {
    id: job.id,
    queue: job.queue,
    event_type: job.eventType,
    attempts: job.attempts,
    last_error: job.lastError,
    failed_at: job.failedAt,
  };
}

/** Statistics, failed background jobs and the audit log, for admins. */
@ApiTags('Admin')
@ApiBearerAuth()
@ApiErrors(401, 403, 500)
@UseGuards(AdminGuard)
@Controller({ path: 'admin', version: '1' })
export class AdminOperationsController {
  constructor(
    private readonly funnel: OnboardingFunnelHandler,
    private readonly listDeadLetters: ListDeadLettersHandler,
    private readonly replayDeadLetter: ReplayDeadLetterHandler,
    private readonly readAuditLog: ReadAuditLogHandler,
  ) {}

  @Get('onboarding/funnel')
  @ApiOperation({ summary: 'How many users reached each onboarding step' })
  @ApiOkResponse({ type: OnboardingFunnelResponse })
  onboardingFunnel(@AdminCaller() caller: AdminRequest): Promise<OnboardingFunnelResponse> {
    return this.funnel.execute(caller);
  }

  @Get('dead-letters')
  @ApiOperation({ summary: 'Background jobs that failed every attempt (newest first)' })
  @ApiOkResponse({ type: DeadLetteredJobListResponse })
  @ApiErrors(400)
  async deadLetters(
    @Query() query: PageQuery,
    @AdminCaller() caller: AdminRequest,
  ): Promise<DeadLetteredJobListResponse> {
    const page = await this.listDeadLetters.execute(caller, { page: query.page, pageSize: query.page_size });
    return { ...page, items: page.items.map(jobBody) };
  }

  @Post('dead-letters/:id/replay')
  @HttpCode(200)
  @ApiOperation({ summary: 'Put a dead-lettered job back on its queue (consumers are idempotent)' })
  @ApiParam({ name: 'id' })
  @ApiOkResponse({ type: DeadLetteredJobResponse })
  @ApiErrors(404, 409, 503)
  async replay(
    @Param('id') id: string,
    @AdminCaller() caller: AdminRequest,
  ): Promise<DeadLetteredJobResponse> {
    return jobBody(await this.replayDeadLetter.execute(caller, id));
  }

  @Get('audit-log')
  @ApiOperation({ summary: 'Every admin action: who, what, target, when, request id (newest first)' })
  @ApiOkResponse({ type: AuditLogResponse })
  @ApiErrors(400)
  auditLog(@Query() query: AuditLogQuery): Promise<AuditLogResponse> {
    return this.readAuditLog.execute({
      actorId: query.actor_id,
      action: query.action,
      targetId: query.target_id,
      page: query.page,
      pageSize: query.page_size,
    });
  }
}

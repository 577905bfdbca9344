import { Controller, Get, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiServiceUnavailableResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { ReadinessRegistry, ReadinessReport } from '@fluentpro/shared';

@ApiTags('Operations')
// `GET /health/live` is answered ahead of Nest: see liveness.ts.
@Controller({ path: 'health', version: VERSION_NEUTRAL })
export class HealthController {
  constructor(private readonly readiness: ReadinessRegistry) {}

  @Get('ready')
  @ApiOperation({
    summary: 'Readiness: the database, Redis when configured, and every registered indicator answer',
  })
  @ApiOkResponse({ description: '`{status:"ok", info, error, details}`' })
  @ApiServiceUnavailableResponse({ description: 'A dependency is down; `error` says which and why' })
  async ready(@Res({ passthrough: true }) reply: FastifyReply): Promise<ReadinessReport> {
    const report = await this.readiness.evaluate();
    if (report.status !== 'ok') void reply.status(503);
    return report;
  }
}

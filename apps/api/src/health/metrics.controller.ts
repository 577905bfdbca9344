import { Controller, Get, Headers, Res, VERSION_NEUTRAL } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import {
  ApiErrors,
  AppConfig,
  metricsAccessAllowed,
  metricsExposure,
  MetricsRegistry,
  NotFoundError,
  UnauthenticatedError,
} from '@fluentpro/shared';

@ApiTags('Operations')
@Controller({ path: 'metrics', version: VERSION_NEUTRAL })
export class MetricsController {
  constructor(
    private readonly metrics: MetricsRegistry,
    private readonly config: AppConfig,
  ) {}

  @Get()
  @ApiOperation({
    summary: 'Prometheus metrics (Bearer METRICS_TOKEN when set; on METRICS_PORT instead when that is set)',
  })
  @ApiProduces('text/plain')
  @ApiErrors(401, 404)
  async scrape(
    @Headers('authorization') authorization: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<string> {
    const exposure = metricsExposure(this.config);
    if (exposure.where !== 'main-port') throw new NotFoundError('Not found', 'Metrics are not served here');
    if (!metricsAccessAllowed(exposure.token, authorization))
      throw new UnauthenticatedError('Authentication required', 'A valid metrics token is required');
    void reply.header('content-type', this.metrics.contentType).header('cache-control', 'no-store');
    return this.metrics.metrics();
  }
}

import { Module } from '@nestjs/common';
import { HealthController } from './health.controller';
import { MetricsController } from './metrics.controller';

/** Probes and metrics; readiness indicators come from ReadinessRegistry (ObservabilityModule). */
@Module({ controllers: [HealthController, MetricsController] })
export class HealthModule {}

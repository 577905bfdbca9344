import { Module } from '@nestjs/common';
import { IdentityProviderHealthIndicator } from '@fluentpro/authentication';
import { HealthController } from './health.controller';
import { IdentityProviderReadiness } from './identity-provider.readiness';
import { MetricsController } from './metrics.controller';

/**
 * Probes and metrics. Readiness indicators come from the ReadinessRegistry (ObservabilityModule):
 * the database and Redis there, the identity provider's here; later modules register their own.
 */
@Module({
  controllers: [HealthController, MetricsController],
  providers: [IdentityProviderHealthIndicator, IdentityProviderReadiness],
})
export class HealthModule {}

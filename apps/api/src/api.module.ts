import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Logger } from 'pino';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  DomainExceptionFilter,
  EventsModule,
  ObservabilityModule,
  RealtimeModule,
} from '@fluentpro/shared';
import { AdministrationModule } from '@fluentpro/administration';
import { AuthenticationModule } from '@fluentpro/authentication';
import { NotificationsModule } from '@fluentpro/notifications';
import { OnboardingCoreModule, OnboardingModule } from '@fluentpro/onboarding';
import { HealthModule } from './health/health.module';
import { persistence } from './persistence';
import { RealtimeGatewayModule } from './realtime/realtime-gateway.module';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig, logger?: Logger): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot({ service: 'api', logger }),
        DatabaseModule.forRoot(persistence, { runMigrations: config.env.DATABASE_MIGRATE_ON_START }),
        EventsModule.forRoot(config, { role: 'api' }),
        RealtimeModule,
        AuthenticationModule.forRoot(config),
        NotificationsModule.forRoot(config),
        OnboardingModule.register(config),
        // Binds the optional ports of the admin API: onboarding state and funnel. (DeadLetterStore is
        // not implemented yet: dead-letter routes answer an empty list and 404; docs/admin.md.)
        AdministrationModule.register(config, { imports: [OnboardingCoreModule] }),
        RealtimeGatewayModule.register(config),
        HealthModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainExceptionFilter }],
    };
  }
}

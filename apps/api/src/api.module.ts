import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import type { Logger } from 'pino';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  DomainExceptionFilter,
  ObservabilityModule,
  EventsModule,
} from '@fluentpro/shared';
import { AuthenticationModule } from '@fluentpro/authentication';
import { NotificationsModule } from '@fluentpro/notifications';
import { OnboardingModule } from '@fluentpro/onboarding';
import { HealthModule } from './health/health.module';
import { persistence } from './persistence';

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
        AuthenticationModule.forRoot(config),
        NotificationsModule.forRoot(config),
        OnboardingModule,
        HealthModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainExceptionFilter }],
    };
  }
}

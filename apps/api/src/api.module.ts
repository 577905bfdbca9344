import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AppConfig, ConfigModule, DatabaseModule, DomainExceptionFilter } from '@fluentpro/shared';
import { AuthenticationModule } from '@fluentpro/authentication';
import { OnboardingModule } from '@fluentpro/onboarding';
import { HealthModule } from './health/health.module';
import { persistence } from './persistence';

@Module({})
export class ApiModule {
  /** `imports` adds modules (tests plug in their doubles here). */
  static forRoot(config: AppConfig, imports: NonNullable<ModuleMetadata['imports']> = []): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(persistence, { runMigrations: config.env.DATABASE_MIGRATE_ON_START }),
        AuthenticationModule,
        OnboardingModule,
        HealthModule,
        ...imports,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainExceptionFilter }],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { AppConfig, ConfigModule, DatabaseModule, DomainExceptionFilter } from '@fluentpro/shared';
import { AuthenticationModule } from '@fluentpro/authentication';
import { HealthModule } from './health/health.module';
import { persistence } from './persistence';

@Module({})
export class ApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: ApiModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(persistence, { runMigrations: config.env.DATABASE_MIGRATE_ON_START }),
        AuthenticationModule.forRoot(config),
        HealthModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: DomainExceptionFilter }],
    };
  }
}

import { DynamicModule, Global, Module } from '@nestjs/common';
import { AdministrationModule } from '@fluentpro/administration';
import {
  AppConfig,
  AuthOutcomes,
  ConfigModule,
  DatabaseModule,
  IgnoredAuthOutcomes,
  RealtimeModule,
} from '@fluentpro/shared';
import { persistence } from '../persistence';

/** A one-shot command has no metrics endpoint: authentication's outcome counter goes nowhere. */
@Global()
@Module({ providers: [{ provide: AuthOutcomes, useClass: IgnoredAuthOutcomes }], exports: [AuthOutcomes] })
class CliOutcomesModule {}

/** What the admin CLI needs: the API's database (migrated like at API start) and the admin use cases. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        CliOutcomesModule,
        DatabaseModule.forRoot(persistence, { runMigrations: config.env.DATABASE_MIGRATE_ON_START }),
        RealtimeModule,
        AdministrationModule.register(config),
      ],
    };
  }
}

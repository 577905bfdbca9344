import { DynamicModule, Global, Module } from '@nestjs/common';
import { AdministrationModule } from '@fluentpro/administration';
import {
  AppConfig,
  AuthOutcomes,
  ConfigModule,
  DatabaseModule,
  EventsModule,
  IgnoredAuthOutcomes,
  RealtimeModule,
} from '@fluentpro/shared';
import { persistence } from '../persistence';

/** A one-shot command has no metrics endpoint: authentication's outcome counter goes nowhere. */
@Global()
@Module({ providers: [{ provide: AuthOutcomes, useClass: IgnoredAuthOutcomes }], exports: [AuthOutcomes] })
class CliOutcomesModule {}

/**
 * What the admin CLI needs: the API's database (migrated like at API start), the event outbox (rows
 * are delivered by the API's relay; cli.ts turns this process's relay off) and the admin use cases.
 */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        CliOutcomesModule,
        DatabaseModule.forRoot(persistence, { runMigrations: config.env.DATABASE_MIGRATE_ON_START }),
        EventsModule.forRoot(config, { role: 'worker' }),
        RealtimeModule,
        AdministrationModule.register(config),
      ],
    };
  }
}

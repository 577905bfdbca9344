import { DynamicModule, Module } from '@nestjs/common';
import { AdministrationModule } from '@fluentpro/administration';
import { AppConfig, ConfigModule, DatabaseModule, RealtimeModule } from '@fluentpro/shared';
import { persistence } from '../persistence';

/** What the admin CLI needs: the API's database (migrated like at API start) and the admin use cases. */
@Module({})
export class CliModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: CliModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule.forRoot(persistence, { runMigrations: config.env.DATABASE_MIGRATE_ON_START }),
        RealtimeModule,
        AdministrationModule.register(config),
      ],
    };
  }
}

import { DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../../config/app-config';
import { buildDataSourceOptions } from './data-source-options';
import type { PersistenceContribution } from './persistence-contribution';
import { UnitOfWork } from '../../application/unit-of-work';
import { SqliteWalFlusher } from './sqlite-wal-flusher';
import { TypeOrmUnitOfWork } from './typeorm-unit-of-work';

/**
 * The shared database connection, migrated on start (`migrationsRun`) unless told otherwise; on SQLite
 * its WAL is written back off the event loop (SqliteWalFlusher).
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(
    contributions: PersistenceContribution[],
    options: { runMigrations?: boolean } = {},
  ): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [AppConfig],
          useFactory: (config: AppConfig) => ({
            ...buildDataSourceOptions(config, contributions),
            migrationsRun: options.runMigrations ?? true,
            migrationsTransactionMode: 'each',
            retryAttempts: 0,
          }),
        }),
      ],
      providers: [
        TypeOrmUnitOfWork,
        { provide: UnitOfWork, useExisting: TypeOrmUnitOfWork },
        SqliteWalFlusher,
      ],
      exports: [TypeOrmUnitOfWork, UnitOfWork],
    };
  }
}

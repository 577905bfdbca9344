import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { AppConfig } from '../../config/app-config';
import type { PersistenceContribution } from './persistence-contribution';
import { TypeOrmLogger } from './typeorm-logger';

/**
 * One description of the database for the API, the worker and the migration command: PostgreSQL when
 * DATABASE_URL is set, otherwise an SQLite file. Migrations are explicit per dialect; the schema is
 * never synchronised from the entities.
 */
export function buildDataSourceOptions(
  config: AppConfig,
  contributions: PersistenceContribution[],
): DataSourceOptions {
  const entities = contributions.flatMap((c) => c.entities);
  const common = {
    entities,
    synchronize: false,
    migrationsRun: false,
    // Failed queries are reported by the callers; TypeORM's own 'error' log would print parameters
    // (password hashes, token hashes) into the logs. What it does log goes through the JSON logger.
    logging: config.env.LOG_LEVEL === 'silent' ? false : (['warn', 'migration'] as ('warn' | 'migration')[]),
    logger: new TypeOrmLogger(),
    maxQueryExecutionTime: 1000,
  };
  if (config.env.DATABASE_URL) {
    return {
      ...common,
      type: 'postgres',
      url: config.env.DATABASE_URL,
      ssl: config.env.DATABASE_SSL ? { rejectUnauthorized: true } : false,
      poolSize: config.env.DATABASE_POOL_SIZE,
      extra: { connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000, application_name: 'fluentpro' },
      migrations: contributions.flatMap((c) => c.migrations.postgres as never[]),
      migrationsTableName: 'schema_migrations',
    };
  }
  const database = resolve(config.env.SQLITE_PATH);
  if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });
  return {
    ...common,
    type: 'better-sqlite3',
    database,
    enableWAL: true,
    prepareDatabase: (db: { pragma(source: string): unknown; prepare(source: string): unknown }) => {
      db.pragma('busy_timeout = 5000');
      db.pragma('foreign_keys = ON');
      db.pragma('synchronous = NORMAL');
      // Transactions take the write lock when they begin, not at their first write. In WAL mode a
      // transaction that has read and then writes after another connection committed (the admin CLI
      // beside the running API, a second process on the file) fails at once with SQLITE_BUSY_SNAPSHOT,
      // whatever the busy timeout; one begun IMMEDIATE waits for the lock instead. Within a process the
      // unit of work serialises transactions anyway. TypeORM begins every transaction with this
      // statement (test/database/unit-of-work.e2e-spec.ts fails if that changes).
      const prepare = db.prepare.bind(db);
      db.prepare = (source) =>
        prepare(source === 'BEGIN TRANSACTION' ? 'BEGIN IMMEDIATE TRANSACTION' : source);
    },
    migrations: contributions.flatMap((c) => c.migrations.sqlite as never[]),
    migrationsTableName: 'schema_migrations',
  };
}

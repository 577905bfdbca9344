import type { QueryRunner } from 'typeorm';

export type Dialect = 'postgres' | 'sqlite';

/** Column types that differ between the two supported databases, for hand-written migrations. */
export interface DialectTypes {
  uuid: string;
  timestamp: string;
  json: string;
  /** An auto-incrementing integer primary key. */
  serial: string;
}

const TYPES: Record<Dialect, DialectTypes> = {
  postgres: { uuid: 'uuid', timestamp: 'timestamptz', json: 'jsonb', serial: 'bigserial PRIMARY KEY' },
  sqlite: {
    uuid: 'varchar(36)',
    timestamp: 'datetime',
    json: 'text',
    serial: 'INTEGER PRIMARY KEY AUTOINCREMENT',
  },
};

export function dialectOf(runner: QueryRunner): Dialect {
  return runner.connection.options.type === 'postgres' ? 'postgres' : 'sqlite';
}

export function dialectTypes(runner: QueryRunner): DialectTypes {
  return TYPES[dialectOf(runner)];
}

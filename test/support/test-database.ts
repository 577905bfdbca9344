import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';

export interface TestDatabase {
  /** Environment variables that point the app at this database. */
  env: Record<string, string>;
  kind: 'postgres' | 'sqlite';
  drop(): Promise<void>;
}

/**
 * A fresh, empty database for one suite: a new PostgreSQL database on the server of DATABASE_URL when
 * that is set, otherwise an SQLite file in a temporary directory. Suites never share state.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const keysDir = mkdtempSync(join(tmpdir(), 'fluentpro-test-'));
  const base = process.env.DATABASE_URL;
  if (!base) {
    return {
      kind: 'sqlite',
      env: { SQLITE_PATH: join(keysDir, 'test.sqlite'), JWT_KEYS_DIR: join(keysDir, 'keys') },
      drop: () => Promise.resolve(rmSync(keysDir, { recursive: true, force: true })),
    };
  }
  const name = `fluentpro_test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    kind: 'postgres',
    env: { DATABASE_URL: url.toString(), JWT_KEYS_DIR: join(keysDir, 'keys') },
    drop: async () => {
      const client = new Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
      rmSync(keysDir, { recursive: true, force: true });
    },
  };
}

// The database and signing key a benchmark run measures on: an SQLite file, or a new PostgreSQL database
// on DATABASE_URL's server that is dropped afterwards.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** A fresh database for one backend: an SQLite file, or a new PostgreSQL database on DATABASE_URL's server. */
export async function createDatabase(kind, dir) {
  // Production mode requires a configured signing key; the baseline reads the same key from the directory.
  const keysDir = join(dir, 'keys');
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  mkdirSync(keysDir, { recursive: true });
  writeFileSync(join(keysDir, 'signing-key.pem'), pem, { mode: 0o600 });
  if (kind === 'sqlite') {
    return {
      env: { SQLITE_PATH: join(dir, 'bench.sqlite'), JWT_KEYS_DIR: keysDir, JWT_PRIVATE_KEY: pem },
      drop: async () => {},
    };
  }
  const { Client } = require('pg');
  const base = process.env.DATABASE_URL;
  const name = `fluentpro_bench_${randomBytes(5).toString('hex')}`;
  const admin = new Client({ connectionString: base });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    env: { DATABASE_URL: url.toString(), JWT_KEYS_DIR: keysDir, JWT_PRIVATE_KEY: pem },
    drop: async () => {
      const client = new Client({ connectionString: base });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await client.end();
    },
  };
}

// The common start of the per-request experiments (instructions-ab, promise-census, ic-census).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from './database.mjs';
import { seedUsers } from './load.mjs';
import { startSpec } from './processes.mjs';

const PASSWORD = 'Bench-passw0rd!';

/**
 * The experiment's arguments (`<requests> <path> <server>...`, or its usage and exit 2), a temporary
 * directory, a database (SQLite there, or a new one on DATABASE_URL's server: drop it at the end) and
 * the access and refresh tokens and e-mail addresses (and their one password) of `users` users signed
 * up through the first `api=` server of the list (this checkout's if none), stopped before the
 * experiment's own servers start. `end()` drops the database and removes the directory (its signing
 * key, logs and dumps), unless KEEP=1: then the directory stays and its path is printed, for a closer
 * look at the dumps (callgrind_annotate --tree=caller).
 */
export async function startExperiment(name, { users = 20, seederOptions = {} } = {}) {
  const [requests, path, ...specs] = process.argv.slice(2);
  if (!path || specs.length === 0) {
    console.error(`usage: node bench/experiments/${name}.mjs <requests> <path> <server>...`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), `${name}-`));
  const database = await createDatabase(process.env.DATABASE_URL ? 'postgres' : 'sqlite', dir);
  const seeder = await startSpec(
    specs.find((spec) => spec.startsWith('api=')) ?? 'api=.',
    database.env,
    seederOptions,
  );
  const seeded = await seedUsers(seeder, { count: users, runId: name, password: PASSWORD });
  await seeder.stop();
  return {
    requests: Number(requests),
    path,
    specs,
    dir,
    dbEnv: database.env,
    tokens: seeded.map((user) => user.accessToken),
    emails: seeded.map((user) => user.email),
    refreshTokens: seeded.map((user) => user.refreshToken),
    password: PASSWORD,
    end: async () => {
      await database.drop();
      if (process.env.KEEP === '1') console.log(`kept ${dir}`);
      else rmSync(dir, { recursive: true, force: true });
    },
  };
}

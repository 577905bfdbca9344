// Promises per request, and the code that creates them: on Node 20 every promise runs
// AsyncLocalStorage's promise hooks (about 950 instructions each on GET /profile, docs/performance.md).
// Each server is started with promise-census-hook.mjs preloaded, warmed up with 500 sequential requests,
// then counted over <requests> more; the report lists the creating sites, most frequent first.
//
//   node bench/experiments/promise-census.mjs <requests> <path> <server>...
//   server: api=<checkout>, floor=<V>, base or baseh, as profile-ab.mjs (startSpec in bench/lib/processes.mjs)
//   e.g. node bench/experiments/promise-census.mjs 100 /api/v1/auth/profile/ api=. floor=headers,reqid,pipe,als
// SQLite in a temporary directory, or a new database on DATABASE_URL's server (dropped at the end).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as pause } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { startExperiment } from '../lib/experiment.mjs';
import { getEach } from '../lib/load.mjs';
import { startSpec } from '../lib/processes.mjs';

const { requests, path, specs, dir, dbEnv, tokens, end } = await startExperiment('promise-census');

const preload = fileURLToPath(new URL('promise-census-hook.mjs', import.meta.url));
for (const [index, spec] of specs.entries()) {
  const out = join(dir, `census-${index}.txt`);
  const server = await startSpec(spec, dbEnv, { nodeArgs: ['--import', preload], env: { CENSUS_OUT: out } });
  const send = (count) => getEach(server.url, { path, tokens, count });
  await send(500);
  process.kill(server.pid, 'SIGWINCH');
  await pause(100);
  await send(requests);
  process.kill(server.pid, 'SIGWINCH');
  await pause(500);
  await server.stop();
  const [total, ...sites] = readFileSync(out, 'utf8').trim().split('\n');
  console.log(`\n== ${spec}: ${(Number(total) / requests).toFixed(1)} promises per request`);
  for (const line of sites) {
    const [count, site] = line.split('\t');
    console.log(`${(Number(count) / requests).toFixed(2).padStart(6)}  ${site}`);
  }
}
await end();

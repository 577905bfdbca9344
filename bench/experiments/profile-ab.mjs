// Pinned, interleaved A/B of GET /api/v1/auth/profile/ (or another GET path) across builds and floors:
// every server on CPU 0 (all its threads), this load generator on CPU 1, the same users' tokens on the
// same database, rounds in alternating order, server CPU per answered request from /proc/<pid>/stat.
// CPU per request is the steadier number on a shared machine; req/s and p99 are printed beside it.
//
//   taskset -c 1 node bench/experiments/profile-ab.mjs <rounds> <seconds> <path> <server>...
//   server: api=<checkout>   the built API of a checkout (`git worktree add /tmp/before <commit>`,
//                            `cp -al node_modules /tmp/before/`, `npm run build` there);
//                            `api=.+NAME=value+...` runs it with those environment variables, and
//                            `api=.+NODE_ARGS=--flag=value` with that Node flag after `npm start`'s
//           floor=<V>        bench/nest-floor-server.mjs with V (e.g. floor=, floor=authguard,
//                            floor=direct,headers,reqid,pipe,als)
//           base | baseh     bench/baseline-server.mjs, without or with the API's headers
//   e.g. taskset -c 1 node bench/experiments/profile-ab.mjs 4 3 /api/v1/auth/profile/ api=. floor= base
// SQLite in a temporary directory, or a new database on DATABASE_URL's server (dropped at the end).
// The users are signed up through a separate API process that is stopped before the measured servers
// start.
// API_NODE_ARGS adds Node flags to the measured API processes, FLOOR_NODE_ARGS to the floors. With
// `--trace-gc` the report ends with a summary of each such server's last collections (scavenges and
// mark-compacts, average pauses) and the bytes it allocated per request in its last round. With
// `--cpu-prof --cpu-prof-dir=<dir>` the requests each server served (printed) divide its profile
// into µs per request.
// PIN_PG=1 moves the local PostgreSQL server's processes to CPU 1 beside the load generator, so the
// measured server has CPU 0 to itself and a wall-clock CPU profile is not charged the database's time.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDatabase } from '../lib/database.mjs';
import { closedLoop, median, seedUsers } from '../lib/load.mjs';
import { cpuMs, startSpec } from '../lib/processes.mjs';

const [rounds, seconds, path, ...specs] = process.argv.slice(2);
if (!path || specs.length === 0 || !specs.some((spec) => spec.startsWith('api='))) {
  console.error(
    'usage: node bench/experiments/profile-ab.mjs <rounds> <seconds> <path> api=<dir> [server...]',
  );
  process.exit(2);
}

const database = await createDatabase(
  process.env.DATABASE_URL ? 'postgres' : 'sqlite',
  mkdtempSync(join(tmpdir(), 'profile-ab-')),
);
const dbEnv = database.env;
const flags = (value) => value?.split(' ').filter(Boolean) ?? [];
async function start(spec) {
  const server = await startSpec(spec, dbEnv, {
    apiNodeArgs: flags(process.env.API_NODE_ARGS),
    floorNodeArgs: flags(process.env.FLOOR_NODE_ARGS),
  });
  execFileSync('taskset', ['-a', '-p', '-c', '0', String(server.pid)], { stdio: 'ignore' });
  return server;
}

const seeder = await start(specs.find((spec) => spec.startsWith('api=')));
// One at a time: this script runs on one core, where the API admits fewer concurrent hashes.
const users = await seedUsers(seeder, {
  count: 50,
  runId: 'ab',
  password: 'Bench-passw0rd!',
  concurrency: 1,
});
const tokens = users.map((user) => user.accessToken);
await seeder.stop();

const servers = [];
for (const spec of specs) servers.push(await start(spec));
let next = 0;
const served = new Map(); // requests per server, warm-up included (to divide a CPU profile by)
const load = async (server, duration) => {
  const run = await closedLoop({
    url: server.url,
    connections: 16,
    seconds: duration,
    path,
    setupRequest: (request) => ({
      ...request,
      headers: { ...request.headers, authorization: `Bearer ${tokens[next++ % tokens.length]}` },
    }),
  });
  served.set(server, (served.get(server) ?? 0) + run.requests);
  return run;
};
for (const server of servers) await load(server, 3); // warm-up, not recorded
/** Sets the CPUs of every process of the local PostgreSQL server. */
const pinPostgres = (cpus) => {
  for (const pid of execFileSync('pgrep', ['-x', 'postgres'], { encoding: 'utf8' }).split('\n'))
    if (pid) execFileSync('taskset', ['-a', '-p', '-c', cpus, pid], { stdio: 'ignore' });
};
// After the warm-up, when the servers' pools have opened their connections.
if (process.env.PIN_PG === '1') pinPostgres('1');

const results = new Map(servers.map((server) => [server, []]));
for (let round = 0; round < Number(rounds); round += 1) {
  for (const server of round % 2 ? [...servers].reverse() : servers) {
    const before = cpuMs(server.pid);
    const run = await load(server, Number(seconds));
    const cpu = cpuMs(server.pid) - before;
    results.get(server).push({ ...run, cpuUs: (cpu * 1000) / run.requests });
  }
}
for (const [server, runs] of results) {
  const list = (pick, digits = 0) => runs.map((run) => pick(run).toFixed(digits)).join(' ');
  console.log(
    `${server.name.padEnd(36)} CPU µs/request ${list((r) => r.cpuUs)} (median ${median(runs.map((r) => r.cpuUs)).toFixed(0)})`,
    `| req/s ${list((r) => r.rps)} | p99 ms ${list((r) => r.p99, 2)} | not 2xx ${list((r) => r.non2xx + r.errors)}`,
    `| ${served.get(server)} requests with the warm-up`,
  );
}
/**
 * The collections still in a server's kept output (its last 20,000 characters), from --trace-gc, and
 * the bytes its last round allocated per request: the heap grew by `before - after of the previous
 * collection` between two collections, summed over the collections of the last round and divided by
 * its requests per second over the same span.
 */
function gcSummary(output, lastRun) {
  const lines = output.split('\n');
  const of = (kind) => {
    const pauses = lines
      .filter((line) => line.includes(`: ${kind} `))
      .map((line) => Number(/, ([\d.]+) \/ [\d.]+ ms/.exec(line)?.[1] ?? NaN))
      .filter(Number.isFinite);
    const average = pauses.reduce((sum, pause) => sum + pause, 0) / (pauses.length || 1);
    return `${pauses.length} ${kind} (${average.toFixed(2)} ms on average)`;
  };
  const collections = lines
    .map((line) => /\s([\d.]+) ms: \S+ ([\d.]+) \([\d.]+\) -> ([\d.]+) \(/.exec(line))
    .filter(Boolean)
    .map(([, ms, before, after]) => ({ ms: Number(ms), before: Number(before), after: Number(after) }));
  const last = collections.at(-1)?.ms ?? 0;
  const round = collections.filter((c) => c.ms > last - lastRun.seconds * 1000);
  let grown = 0;
  for (let i = 1; i < round.length; i += 1) grown += round[i].before - round[i - 1].after;
  const span = round.length > 1 ? (round.at(-1).ms - round[0].ms) / 1000 : NaN;
  const perRequest = (grown * 1024 * 1024) / (span * lastRun.rps);
  return `${of('Scavenge')}, ${of('Mark-Compact')}; ~${(perRequest / 1024).toFixed(1)} KiB allocated per request in the last round`;
}
const traced = (server) =>
  /--trace-gc/.test(
    (server.name.startsWith('api=') ? process.env.API_NODE_ARGS : process.env.FLOOR_NODE_ARGS) ?? '',
  ) || /--trace-gc/.test(server.name);
for (const server of servers)
  if (traced(server)) {
    const runs = results.get(server);
    console.log(`${server.name} last collections: ${gcSummary(server.output(), runs.at(-1))}`);
  }
for (const server of servers) await server.stop();
if (process.env.PIN_PG === '1') pinPostgres(`0-${availableParallelism() - 1}`);
await database.drop();

// Interleaved login saturation across builds and the bare-Fastify login, with the argon2id ceiling
// between them: per run logins/s (÷ the ceiling of the same round), the server's CPU per login split
// into its event loop and its other threads (/proc/<pid>/task/*/stat), and how much of the machine
// idled (/proc/stat). Not pinned: logins need both cores, as in the benchmark.
//
//   node bench/experiments/login-ab.mjs <rounds> <seconds> <server>...
//   server: api=<checkout> (see profile-ab.mjs) | base (bench/baseline-server.mjs), each optionally
//           followed by environment of its own: api=.+THREADPOOL_NICE=0+OUTBOX_RELAY_ENABLED=false
//   HASH_CONCURRENCY sets the hashing slots of every server and of the ceiling (default: the API's);
//   NODE_ARGS adds Node flags to the measured servers (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof`).
// SQLite in a temporary directory, or a new database on DATABASE_URL's server (dropped at the end).
import { readFileSync, readdirSync, mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDatabase } from '../lib/database.mjs';
import { closedLoop, median, seedUsers } from '../lib/load.mjs';
import { runJson, startSpec } from '../lib/processes.mjs';

const [rounds, seconds, ...specs] = process.argv.slice(2);
if (!seconds || !specs.some((spec) => spec.startsWith('api='))) {
  console.error('usage: node bench/experiments/login-ab.mjs <rounds> <seconds> api=<dir> [base] ...');
  process.exit(2);
}
const require = createRequire(import.meta.url);
const root = resolve(import.meta.dirname, '../..');
const { AppConfig } = require(join(root, 'dist/libs/shared/src/config/app-config.js'));

const database = await createDatabase(
  process.env.DATABASE_URL ? 'postgres' : 'sqlite',
  mkdtempSync(join(tmpdir(), 'login-ab-')),
);
const config = AppConfig.fromEnvironment({ ...database.env, NODE_ENV: 'production' });
const slots = Number(process.env.HASH_CONCURRENCY ?? config.hashConcurrency);
const serverEnv = { HASH_CONCURRENCY: String(slots), HASH_QUEUE_LIMIT: String(2 * slots) };
const connections = 3 * slots; // every slot busy and a full queue, none shed (as the benchmark)

const nodeArgs = process.env.NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const start = (spec, args = nodeArgs) => startSpec(spec, database.env, { env: serverEnv, nodeArgs: args });

/**
 * CPU ms of a process's event loop and of its other threads (threadpool, V8's GC and compilers), and
 * of each thread by id (`t<tid>`, ids in creation order): with THREADS=1 the report lists them.
 */
function threadsCpuMs(pid) {
  const tick = 1000 / 100;
  const cpu = { loop: 0, other: 0 };
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(fields[11]) + Number(fields[12])) * tick;
    cpu[tid === String(pid) ? 'loop' : 'other'] += ms;
    cpu[`t${tid}`] = ms;
  }
  return cpu;
}
/** Busy and idle jiffies of the whole machine. */
function machine() {
  const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).map(Number);
  const idle = values[3] + values[4];
  return { idle, total: values.reduce((sum, value) => sum + value, 0) };
}

const seeder = await start(
  specs.find((spec) => spec.startsWith('api=')),
  [],
);
const users = await seedUsers(seeder, { count: 60, runId: 'login-ab', password: 'Bench-passw0rd!' });
await seeder.stop();
const servers = [];
for (const spec of specs) servers.push(await start(spec));
let next = 0;
const logins = (server, duration) =>
  closedLoop({
    url: server.url,
    connections,
    seconds: duration,
    method: 'POST',
    path: '/api/v1/auth/login/',
    setupRequest: (request) => ({
      ...request,
      headers: { ...request.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ email: users[next++ % users.length].email, password: 'Bench-passw0rd!' }),
    }),
  });
const ceiling = () =>
  runJson(
    'bench/argon2-ceiling.mjs',
    [
      config.env.ARGON2_MEMORY_KIB,
      config.env.ARGON2_TIME_COST,
      config.env.ARGON2_PARALLELISM,
      slots,
      seconds,
    ].map(String),
    { cwd: root },
  );
for (const server of servers) await logins(server, 2); // warm-up, not recorded

const results = new Map(servers.map((server) => [server.name, []]));
for (let round = 0; round < Number(rounds); round += 1) {
  const { hashesPerSecond } = await ceiling();
  for (const server of round % 2 ? [...servers].reverse() : servers) {
    const cpu = threadsCpuMs(server.pid);
    const box = machine();
    const run = await logins(server, Number(seconds));
    const after = threadsCpuMs(server.pid);
    const boxAfter = machine();
    results.get(server.name).push({
      ratio: run.rps / hashesPerSecond,
      rps: run.rps,
      ...Object.fromEntries(Object.keys(cpu).map((kind) => [kind, (after[kind] - cpu[kind]) / run.requests])),
      idle: (boxAfter.idle - box.idle) / (boxAfter.total - box.total),
      bad: run.non2xx + run.errors,
    });
  }
}
console.log(`hashing slots ${slots}, ${connections} connections, ${seconds} s per run`);
for (const [name, runs] of results) {
  const list = (pick, digits) => runs.map((run) => pick(run).toFixed(digits)).join(' ');
  const med = (pick, digits) => median(runs.map(pick)).toFixed(digits);
  console.log(
    `${name.padEnd(24)} ÷ ceiling ${list((r) => r.ratio, 2)} (median ${med((r) => r.ratio, 2)})`,
    `| logins/s ${list((r) => r.rps, 0)} | CPU ms/login: event loop ${med((r) => r.loop, 2)}, other threads ${med((r) => r.other, 2)}`,
    `| machine idle ${list((r) => r.idle * 100, 0)} % | not 2xx ${list((r) => r.bad, 0)}`,
  );
  if (process.env.THREADS === '1') {
    const threads = Object.keys(runs[0]).filter((key) => /^t\d+$/.test(key));
    threads.sort((a, b) => Number(a.slice(1)) - Number(b.slice(1)));
    console.log(
      `  per thread, ms/login: ${threads.map((t) => `${t} ${med((r) => r[t] ?? 0, 2)}`).join(', ')}`,
    );
  }
}
for (const server of servers) await server.stop();
await database.drop();

// Instructions per request under valgrind's callgrind: a count that does not move with the machine's
// load, for A/B comparisons of builds and floors too small for the noise of CPU time (profile-ab.mjs).
// Each server runs under `valgrind --tool=callgrind --instr-atstart=no` (near native until counting
// starts), is warmed up, then counts `<requests>` GET requests of `<path>` (the users' tokens in turn,
// 8 at a time), every thread of the process included: JavaScript, V8's compilers and GC, libuv's pool.
// The path `login` counts logins instead (POST /api/v1/auth/login/, the users in turn, 4 at a time:
// the API and the baseline's bare login), `refresh` refreshes (POST /api/v1/auth/refresh/, 8 at a time,
// each answer's rotated token used again: the API). The servers run one after the other; a run is
// repeatable to within about a percent.
//
//   node bench/experiments/instructions-ab.mjs <requests> <path> <server>...
//   server: as profile-ab.mjs (api=<checkout>[+NAME=value...], floor=<V>, base, baseh)
//   e.g. node bench/experiments/instructions-ab.mjs 2000 /api/v1/auth/profile/ api=. floor=headers,reqid,pipe,als base
//        THREADS=1 WARMUP=200 node bench/experiments/instructions-ab.mjs 100 login api=. base
// SQLite in a temporary directory, or a new database on DATABASE_URL's server (dropped at the end).
// Counts are taken in WINDOWS windows of <requests> (default 3). The report gives each window's total
// with its lumps (major GC, optimising compiler), and the least count without lumps of any window.
// With THREADS=1 callgrind counts each thread apart (`--separate-threads=yes`) and the report also
// gives the event loop's (main thread's) count: a login's hash and signature run on libuv's pool.
// WARMUP sets the warm-up requests (default 20000); NODE_ARGS adds Node flags to every server. With
// ANNOTATE=1 the report ends with each server's top functions by instructions (the event loop's with
// THREADS=1); with NODE_ARGS=--perf-basic-prof the code V8 compiled is named there from V8's
// /tmp/perf-<pid>.map instead of by address. KEEP=1 keeps the dumps (the directory is printed).
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rangeLookup } from '../lib/code-ranges.mjs';
import { startExperiment } from '../lib/experiment.mjs';
import { getEach, sendEach } from '../lib/load.mjs';
import { startSpec } from '../lib/processes.mjs';

const warmup = Number(process.env.WARMUP ?? 20_000);
const WINDOWS = Number(process.env.WINDOWS ?? 3);
const THREADS = process.env.THREADS === '1';
// Every server, the seeder too, with NODE_ARGS and a start-up time valgrind's slowness allows.
const run = { nodeArgs: process.env.NODE_ARGS?.split(' ').filter(Boolean) ?? [], timeoutMs: 600_000 };
const { requests, path, specs, dir, dbEnv, tokens, emails, password, refreshTokens, end } =
  await startExperiment('instructions-ab', { users: 50, seederOptions: run });
const start = (spec, wrapper = []) => startSpec(spec, dbEnv, { ...run, wrapper });
// `login`: the users in turn; `refresh`: a pool of refresh tokens, each answer's rotated one back in.
const senders = {
  login: (server, count) =>
    sendEach(server.url, {
      count,
      concurrency: 4,
      request: (index) => ({
        method: 'POST',
        path: '/api/v1/auth/login/',
        body: { email: emails[index % emails.length], password },
      }),
    }),
  refresh: (server, count) =>
    sendEach(server.url, {
      count,
      concurrency: 8,
      request: () => ({
        method: 'POST',
        path: '/api/v1/auth/refresh/',
        body: { refresh_token: refreshTokens.shift() },
      }),
      answered: (body) => refreshTokens.push(body.refresh_token),
    }),
};
const send =
  senders[path] ?? ((server, count) => getEach(server.url, { path, tokens, count, concurrency: 8 }));

// valgrind names its control pipes after the prefix, USER or LOGNAME, and HOST (which the API's
// environment sets): callgrind_control is given the server's own.
const vgdbPrefix = join(dir, 'vgdb');
/**
 * Work that comes in lumps, whole in whichever window it falls: a major GC (mark-compact, ~200M
 * instructions here) and V8's optimising compiler (a function recompiled after a deoptimisation,
 * up to ~240M seen). Their entry points, counted inclusive, are told apart so that two builds compare
 * on the work every request does.
 */
const LUMP_ROOTS = {
  gc: [
    'v8::internal::ConcurrentMarking::JobTaskMajor::Run(',
    'v8::internal::Sweeper::SweeperJob::Run(',
    'v8::internal::IncrementalMarkingJob::Task::RunInternal(',
    'v8::internal::Heap::MarkCompact(',
  ],
  jit: [
    'v8::internal::OptimizingCompileDispatcher::CompileTask::RunInternal(',
    'v8::internal::OptimizingCompileDispatcher::InstallOptimizedFunctions(',
  ],
};
function lumps(dump) {
  const listing = execFileSync('callgrind_annotate', ['--inclusive=yes', '--threshold=100', dump], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  const sums = { gc: 0, jit: 0 };
  for (const line of listing.split('\n')) {
    const match = /^\s*([\d,]+) \([\s\d.]+%\)\s+\S*?:(.*)$/.exec(line);
    if (!match) continue;
    for (const [kind, roots] of Object.entries(LUMP_ROOTS))
      if (roots.some((root) => match[2].startsWith(root))) sums[kind] += Number(match[1].replaceAll(',', ''));
  }
  return sums;
}

const control = (pid, ...args) => {
  const names = readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0');
  const own = (name) => names.find((entry) => entry.startsWith(`${name}=`))?.slice(name.length + 1);
  execFileSync('callgrind_control', [`--vgdb-prefix=${vgdbPrefix}`, ...args, String(pid)], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, HOST: own('HOST'), USER: own('USER'), LOGNAME: own('LOGNAME') },
  });
};
/** Each window's count per request: every thread, lumps told apart, and the event loop's alone. */
function countWindow(dumps) {
  const perRequest = (count) => count / requests / 1000;
  const window = { dumps, total: 0, gc: 0, jit: 0, main: null };
  for (const dump of dumps) {
    const totals = /^(?:summary|totals): (\d+)/m.exec(readFileSync(dump, 'utf8'));
    const total = perRequest(Number(totals?.[1] ?? NaN));
    const { gc, jit } = lumps(dump);
    window.total += total;
    window.gc += perRequest(gc);
    window.jit += perRequest(jit);
    // callgrind numbers threads from 1 in order of creation: 01 is the main thread, the event loop.
    if (dump.endsWith('-01')) window.main = total - perRequest(gc + jit);
  }
  window.steady = window.total - window.gc - window.jit;
  return window;
}

const results = [];
for (const [index, spec] of specs.entries()) {
  const prefix = join(dir, `server-${index}`);
  const server = await start(spec, [
    'valgrind',
    '--tool=callgrind',
    '--instr-atstart=no',
    `--separate-threads=${THREADS ? 'yes' : 'no'}`,
    `--vgdb-prefix=${vgdbPrefix}`,
    `--callgrind-out-file=${prefix}.%p`,
  ]);
  await send(server, warmup);
  control(server.pid, '-i', 'on');
  const windows = [];
  for (let window = 1; window <= WINDOWS; window += 1) {
    control(server.pid, '-z'); // zero what was counted before
    await send(server, requests);
    control(server.pid, '-d'); // written as <prefix>.<pid>.<window>, with THREADS=1 one per thread: -<NN>
    const dumps = readdirSync(dir)
      .filter((file) => file.startsWith(`server-${index}.`) && new RegExp(`\\.${window}(-\\d+)?$`).test(file))
      .map((file) => join(dir, file));
    windows.push(countWindow(dumps));
  }
  control(server.pid, '-i', 'off');
  await server.stop();
  // The window with the least work outside the lumps is the one to compare (a major GC's marking
  // also slows the code beside it: write barriers, allocation).
  const best = windows.reduce((a, b) => (b.steady < a.steady ? b : a));
  results.push({ spec, pid: server.pid, windows, best });
}
const k = (value) => `${value.toFixed(1)}k`;
const lumpsOf = (w) =>
  [w.gc > 1 ? `major GC ${k(w.gc)}` : '', w.jit > 1 ? `compiler ${k(w.jit)}` : ''].filter(Boolean).join(', ');
for (const { spec, windows, best } of results)
  console.log(
    `${spec.padEnd(40)} ${k(best.steady)} instructions/request`,
    ...(THREADS ? [`(event loop ${k(best.main)})`] : []),
    `| windows: ${windows.map((w) => `${k(w.total)}${lumpsOf(w) ? ` (${lumpsOf(w)})` : ''}`).join(', ')}`,
  );

/** V8's map of the code it compiled (`--perf-basic-prof`), to name callgrind's bare addresses. */
function jitNames(pid) {
  let text;
  try {
    text = readFileSync(`/tmp/perf-${pid}.map`, 'utf8');
  } catch {
    return (address) => address;
  }
  const find = rangeLookup(
    text
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [start, size, ...name] = line.split(' ');
        return [parseInt(start, 16), parseInt(start, 16) + parseInt(size, 16), name.join(' ')];
      }),
  );
  return (address) => find(parseInt(address, 16)) ?? address;
}
if (process.env.ANNOTATE === '1')
  for (const { spec, pid, best } of results) {
    const dump = best.dumps.find((file) => file.endsWith('-01')) ?? best.dumps[0];
    const name = jitNames(pid);
    console.log(`\n== ${spec}${THREADS ? ' (event loop)' : ''}`);
    console.log(
      execFileSync('callgrind_annotate', ['--threshold=90', dump], { encoding: 'utf8' })
        .split('\n')
        .slice(0, 60)
        .map((line) => line.replace(/\?\?\?:(0x[0-9a-f]+)\S* \[\?\?\?\]/, (_, address) => name(address)))
        .join('\n'),
    );
  }
await end();

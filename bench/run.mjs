// The benchmark: the built API against a bare-Fastify baseline on the same database, in the same run,
// interleaved A B A B, with the targets of docs/performance.md evaluated as same-run ratios.
//
//   npm run bench                      full run (SQLite; PostgreSQL too when DATABASE_URL is set)
//   npm run bench -- --quick           under a minute, for development
//   npm run bench -- --soak            adds the 10-minute soak of mixed traffic
//   npm run bench -- --help            every option
import { randomBytes } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { closedLoop, median, paced, requestJson, seedUsers } from './lib/load.mjs';
import { cpuMs, runJson, sampleRss, startBaseline, startBuiltApi, startNestFloor } from './lib/processes.mjs';
import { createDatabase } from './lib/database.mjs';
import { evaluateTargets, printTable } from './lib/targets.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const HELP = `npm run bench -- [options]
  --quick                 2 short rounds of everything (under a minute)
  --rounds N              interleaved rounds per scenario (default 3; quick 2)
  --duration S            seconds per closed-loop run (default 8; quick 1)
  --mixed-duration S      seconds per mixed run (default 10; quick 2)
  --mixed-rounds N        rounds of the three mixed runs (default 3; quick 1)
  --warmup S              seconds of unrecorded /health/live and /profile load per server before the
                          rounds (default 3; quick 1; 0 for none)
  --connections N         connections for /health/live, /profile, refresh (default 16)
  --login-connections N   connections for login and sign-up saturation (default: hash concurrency +
                          hash queue limit, every request the API admits without shedding)
  --users N               users signed up for the profile/refresh/login pools (default 200; quick 40)
  --sample-rate N         req/s of each latency sampler in mixed runs (default 50)
  --db sqlite|postgres|both   default: sqlite, both when DATABASE_URL is set
  --soak                  add the soak of mixed traffic (default 10 minutes)
  --soak-minutes N        soak length
  --profile               run the API under the CPU profiler; one .cpuprofile per scenario in
                          bench/results/profiles-<run id>/ (slower: do not compare its numbers)
  --only a,b,...          run only these parts: startup, health, profile, login, signup, refresh,
                          mixed, memory, soak (\`--only soak\` runs the soak alone)
  --no-build              do not run \`npm run build\` first (by default: build only when sources changed)
  --api-dir DIR           measure the built API of another checkout (\`git worktree add /tmp/before <commit>\`,
                          \`npm run build\` there): the baselines stay this checkout's
  --out FILE              results JSON (default bench/results/<date>-<db>.json)`;

function parseArgs(argv) {
  const flags = new Set();
  const values = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new Error(`unexpected argument ${arg}\n${HELP}`);
    const [name, inline] = arg.slice(2).split('=');
    const takesValue = [
      'rounds',
      'duration',
      'mixed-duration',
      'mixed-rounds',
      'warmup',
      'connections',
      'login-connections',
      'users',
      'sample-rate',
      'only',
      'db',
      'soak-minutes',
      'out',
      'api-dir',
    ].includes(name);
    if (takesValue) values[name] = inline ?? argv[++i];
    else flags.add(name);
  }
  if (flags.has('help')) {
    console.log(HELP);
    process.exit(0);
  }
  const quick = flags.has('quick');
  const number = (name, fallback) => (values[name] === undefined ? fallback : Number(values[name]));
  return {
    quick,
    rounds: number('rounds', quick ? 2 : 3),
    duration: number('duration', quick ? 1 : 8),
    mixedDuration: number('mixed-duration', quick ? 2 : 10),
    mixedRounds: number('mixed-rounds', quick ? 1 : 3),
    warmup: number('warmup', quick ? 1 : 3),
    connections: number('connections', 16),
    loginConnections:
      values['login-connections'] === undefined ? undefined : Number(values['login-connections']),
    users: number('users', quick ? 40 : 200),
    sampleRate: number('sample-rate', 50),
    db: values.db ?? (process.env.DATABASE_URL ? 'both' : 'sqlite'),
    soak:
      flags.has('soak') || values['soak-minutes'] !== undefined || /(^|,)soak(,|$)/.test(values.only ?? ''),
    soakMinutes: number('soak-minutes', 10),
    profile: flags.has('profile'),
    build: !flags.has('no-build'),
    out: values.out,
    apiDir: values['api-dir'] ? resolve(values['api-dir']) : root,
    only: values.only ? new Set(values.only.split(',')) : null,
    startupRounds: quick ? 1 : 3,
  };
}

const log = (...parts) => console.log(`[${new Date().toISOString().slice(11, 19)}]`, ...parts);
const sleep = (ms) => new Promise((done) => setTimeout(done, ms));
const fmt = (value, digits = 1) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');

const PASSWORD = 'Bench-Passw0rd!';
/**
 * The bare Nest app (bench/nest-floor-server.mjs) with what the product requires of every answer: the
 * security headers and request id, the global validation pipe and an active AsyncLocalStorage. Where
 * even this floor misses a target, the target is beyond the stack, not only beyond the project's code.
 */
const NEST_FEATURES = 'headers,reqid,pipe,als';
/** The checkout whose built API is measured (`--api-dir`, e.g. an older commit for a before/after). */
let apiDir = root;

function startApi(dbEnv, options, profileDir) {
  return startBuiltApi({
    checkout: apiDir,
    dbEnv,
    script: profileDir ? join(root, 'bench/lib/profiled-api.mjs') : undefined,
    env: profileDir ? { BENCH_PROFILE_DIR: profileDir } : {},
  });
}

async function idleRss(server, warmups = 200) {
  for (let i = 0; i < warmups; i += 1) await requestJson(server.url, { path: '/health/live' });
  await sleep(1000);
  return server.rss();
}

/** Start both servers alternately `rounds` times on the already-migrated database: time to first 200, idle RSS. */
async function measureStartup(dbEnv, rounds) {
  const rows = [];
  for (let round = 0; round < rounds; round += 1) {
    const order = round % 2 === 0 ? ['baseline', 'api'] : ['api', 'baseline'];
    const row = {};
    for (const which of order) {
      const server = which === 'api' ? await startApi(dbEnv) : await startBaseline(dbEnv);
      row[which] = { startupMs: server.startupMs, idleRssMiB: await idleRss(server) };
      await server.stop();
    }
    rows.push(row);
    log(
      `startup round ${round + 1}: api ${fmt(row.api.startupMs, 0)} ms / ${fmt(row.api.idleRssMiB)} MiB,`,
      `baseline ${fmt(row.baseline.startupMs, 0)} ms / ${fmt(row.baseline.idleRssMiB)} MiB`,
    );
  }
  return {
    rounds: rows,
    startupRatio: median(rows.map((r) => r.api.startupMs / r.baseline.startupMs)),
    idleRssRatio: median(rows.map((r) => r.api.idleRssMiB / r.baseline.idleRssMiB)),
  };
}

function jsonRequest(request, body) {
  return {
    ...request,
    headers: { ...request.headers, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  };
}

/** The scenario runners: each takes a server and the run state and returns a load summary. */
function scenarios(state, options) {
  const { users, runId } = state;
  let tokenIndex = 0;
  let loginIndex = 0;
  let signupIndex = 0;
  const refreshPool = users.map((u) => u.refreshToken);
  const profileRequest = (request) => ({
    ...request,
    headers: {
      ...request.headers,
      authorization: `Bearer ${users[tokenIndex++ % users.length].accessToken}`,
    },
  });
  const loginBody = () => ({ email: users[loginIndex++ % users.length].email, password: PASSWORD });
  const signupBody = () => ({
    full_name: 'Bench Signup',
    email: `signup-${runId}-${signupIndex++}@bench.example.com`,
    password: PASSWORD,
    date_of_birth: '1990-01-15',
  });
  const refreshTaken = () => refreshPool.shift();
  const refreshReturned = (status, text) => {
    if (status !== 200) return;
    try {
      refreshPool.push(JSON.parse(text).refresh_token);
    } catch {
      // a truncated body: the token is lost to the pool
    }
  };
  const { duration, connections } = options;
  return {
    health: (server) => closedLoop({ url: server.url, connections, seconds: duration, path: '/health/live' }),
    profile: (server) =>
      closedLoop({
        url: server.url,
        connections,
        seconds: duration,
        path: '/api/v1/auth/profile/',
        setupRequest: profileRequest,
      }),
    login: (server) =>
      closedLoop({
        url: server.url,
        connections: options.loginConnections,
        seconds: duration,
        method: 'POST',
        path: '/api/v1/auth/login/',
        setupRequest: (request) => jsonRequest(request, loginBody()),
      }),
    signup: (server) =>
      closedLoop({
        url: server.url,
        connections: options.loginConnections,
        seconds: duration,
        method: 'POST',
        path: '/api/v1/auth/signup/',
        setupRequest: (request) => jsonRequest(request, signupBody()),
      }),
    refresh: (server) =>
      closedLoop({
        url: server.url,
        connections,
        seconds: duration,
        method: 'POST',
        path: '/api/v1/auth/refresh/',
        setupRequest: (request) => {
          const token = refreshTaken();
          return token ? jsonRequest(request, { refresh_token: token }) : null;
        },
        onResponse: (status, body) => refreshReturned(status, body),
      }),
    // Open-loop pieces of the mixed runs and the soak.
    pacedLogins: (server, rate, seconds) =>
      paced({ url: server.url, rate, seconds, method: 'POST', path: '/api/v1/auth/login/', body: loginBody }),
    pacedSignups: (server, rate, seconds) =>
      paced({
        url: server.url,
        rate,
        seconds,
        method: 'POST',
        path: '/api/v1/auth/signup/',
        body: signupBody,
      }),
    pacedRefreshes: (server, rate, seconds) =>
      paced({
        url: server.url,
        rate,
        seconds,
        method: 'POST',
        path: '/api/v1/auth/refresh/',
        body: () => ({ refresh_token: refreshTaken() ?? 'pool-empty' }),
        onResponse: refreshReturned,
      }),
    sampleHealth: (server, seconds) =>
      paced({ url: server.url, rate: options.sampleRate, seconds, path: '/health/live' }),
    sampleProfile: (server, seconds, rate = options.sampleRate) =>
      paced({
        url: server.url,
        rate,
        seconds,
        path: '/api/v1/auth/profile/',
        headers: () => ({ authorization: `Bearer ${users[tokenIndex++ % users.length].accessToken}` }),
      }),
  };
}

function describe(result) {
  return `${fmt(result.rps, 0)} req/s, p50 ${fmt(result.p50, 2)} ms, p99 ${fmt(result.p99, 2)} ms, non-2xx ${result.non2xx}, errors ${result.errors}`;
}

async function runBackend(kind, options, runId) {
  const dir = mkdtempSync(join(tmpdir(), `fluentpro-bench-${kind}-`));
  const database = await createDatabase(kind, dir);
  const profileDir = options.profile ? join(root, 'bench/results', `profiles-${runId}-${kind}`) : null;
  const results = { kind, dir, profileDir };
  const { AppConfig } = require(join(root, 'dist/libs/shared/src/config/app-config.js'));
  const config = AppConfig.fromEnvironment({ ...database.env, NODE_ENV: 'production' });
  const hashConcurrency = config.hashConcurrency;
  // Saturation: every hashing slot busy and the queue never empty, so a finishing hash always has a
  // successor waiting (with only 2 x concurrency connections a slot idled whenever the other requests
  // were still on their way back from the client); and no more than the API admits, so none is shed.
  const loginConnections = options.loginConnections ?? hashConcurrency + config.hashQueueLimit;
  results.settings = {
    hashConcurrency,
    hashQueueLimit: config.hashQueueLimit,
    argon2: {
      memoryKiB: config.env.ARGON2_MEMORY_KIB,
      timeCost: config.env.ARGON2_TIME_COST,
      parallelism: config.env.ARGON2_PARALLELISM,
    },
    loginConnections,
  };
  const runOptions = { ...options, loginConnections };
  const want = (part) => !options.only || options.only.has(part);
  let api;
  let baseline;
  let nestFloor;
  let nestFeatures;
  let baselineHeaders;
  try {
    // First start: migrations and key generation on an empty database (reported, not a target).
    log(`[${kind}] first start of the API (migrations, key generation)`);
    api = await startApi(database.env);
    results.firstStartMs = api.startupMs;
    await api.stop();
    api = null;

    if (want('startup')) {
      log(`[${kind}] time to first 200 and idle RSS, ${options.startupRounds} round(s)`);
      results.startup = await measureStartup(database.env, options.startupRounds);
    }

    api = await startApi(database.env, options, profileDir);
    baseline = await startBaseline(database.env, { env: { HASH_CONCURRENCY: String(hashConcurrency) } });
    nestFloor = await startNestFloor(database.env);
    nestFeatures = await startNestFloor(database.env, { variant: NEST_FEATURES, name: 'nest-features' });
    baselineHeaders = await startBaseline(database.env, { withHeaders: true });
    const dumpProfile = async (label) => {
      if (!profileDir) return;
      process.kill(api.pid, 'SIGWINCH');
      await sleep(500);
      (results.profiles ??= []).push(label);
    };
    results.apiIdleRssMiB = await idleRss(api);
    results.baselineIdleRssMiB = await idleRss(baseline);
    log(
      `[${kind}] idle RSS: api ${fmt(results.apiIdleRssMiB)} MiB, baseline ${fmt(results.baselineIdleRssMiB)} MiB`,
    );

    log(`[${kind}] signing up ${options.users} users`);
    const users = await seedUsers(api, { count: options.users, runId, password: PASSWORD });
    const run = scenarios({ users, runId }, runOptions);
    await dumpProfile('seeding');

    // Warm-up, not recorded: every server serves the closed-loop scenarios once before the measured
    // rounds, so the rounds compare JIT-compiled steady states on both sides instead of V8 still
    // compiling the API's larger code path during the first round (1-s quick runs were mostly that).
    const warmUp = { ...runOptions, duration: options.warmup };
    if (options.warmup > 0) {
      log(`[${kind}] warm-up, ${options.warmup} s per scenario and server (not recorded)`);
      const warm = scenarios({ users, runId: `${runId}w` }, warmUp);
      for (const server of [api, baseline, nestFloor, nestFeatures, baselineHeaders]) {
        if (want('health')) await warm.health(server);
      }
      for (const server of [api, baseline, nestFloor, nestFeatures]) {
        if (want('profile') || want('mixed')) await warm.profile(server);
      }
      await dumpProfile('warm-up');
    }

    // Interleaved rounds: A B then B A, so drift in the machine's load hits both sides alike.
    const rounds = [];
    for (let round = 0; round < options.rounds; round += 1) {
      const forward = round % 2 === 0;
      const pair = async (name, ...sides) => {
        const out = {};
        for (const [label, fn, server = api] of forward ? sides : [...sides].reverse()) {
          const cpuBefore = cpuMs(server.pid);
          const rss =
            label === 'api' || label === 'login' || label === 'signup' || label === 'refresh'
              ? sampleRss(api.pid)
              : null;
          out[label] = await fn();
          if (rss) out[label].rss = rss.stop();
          // The server's own CPU per answered request: far less disturbed by the machine's other load
          // than req/s, so the report shows it beside the ratios as a cross-check.
          if (out[label].requests) {
            out[label].cpuMsPerRequest = (cpuMs(server.pid) - cpuBefore) / out[label].requests;
          }
          await sleep(300); // let the answers still in flight drain before the next run
          log(
            `[${kind}] round ${round + 1} ${name} ${label}: ${out[label].hashesPerSecond !== undefined ? `${fmt(out[label].hashesPerSecond)} hashes/s` : describe(out[label])}`,
          );
          await dumpProfile(`round ${round + 1} ${name} ${label}`);
        }
        return out;
      };
      const row = {};
      if (want('health'))
        row.health = await pair(
          'health',
          ['api', () => run.health(api)],
          ['baseline', () => run.health(baseline), baseline],
          ['nestFloor', () => run.health(nestFloor), nestFloor],
          ['nestFeatures', () => run.health(nestFeatures), nestFeatures],
          ['baselineHeaders', () => run.health(baselineHeaders), baselineHeaders],
        );
      if (want('profile'))
        row.profile = await pair(
          'profile',
          ['api', () => run.profile(api)],
          ['baseline', () => run.profile(baseline), baseline],
          ['nestFloor', () => run.profile(nestFloor), nestFloor],
          ['nestFeatures', () => run.profile(nestFeatures), nestFeatures],
        );
      if (want('login'))
        row.login = await pair(
          'login',
          ['login', () => run.login(api)],
          [
            'ceiling',
            () =>
              runJson(
                'bench/argon2-ceiling.mjs',
                [
                  config.env.ARGON2_MEMORY_KIB,
                  config.env.ARGON2_TIME_COST,
                  config.env.ARGON2_PARALLELISM,
                  hashConcurrency,
                  options.duration,
                ].map(String),
                { cwd: root },
              ),
          ],
          ['baselineLogin', () => run.login(baseline), baseline],
        );
      if (want('signup'))
        row.signup = await pair('signup', ['signup', () => run.signup(api)], ['login', () => run.login(api)]);
      if (want('refresh'))
        row.refresh = await pair(
          'refresh',
          ['refresh', () => run.refresh(api)],
          ['login', () => run.login(api)],
        );
      rounds.push(row);
    }
    results.rounds = rounds;

    let loginCapacity = median(
      rounds.flatMap((r) => [r.login?.login.rps, r.signup?.login.rps, r.refresh?.login.rps]),
    );
    if (!Number.isFinite(loginCapacity) && (want('mixed') || options.soak)) {
      loginCapacity = (await run.login(api)).rps;
    }
    results.loginCapacity = loginCapacity;
    log(`[${kind}] login capacity ${fmt(loginCapacity)} logins/s; mixed runs`);

    // Mixed runs: latency samplers alone, then with logins offered at 0.5x and 1.2x capacity.
    const mixed = [];
    for (let round = 0; want('mixed') && round < options.mixedRounds; round += 1) {
      const row = {};
      for (const [label, factor] of [
        ['idle', 0],
        ['half', 0.5],
        ['over', 1.2],
      ]) {
        const seconds = options.mixedDuration;
        const rss = sampleRss(api.pid);
        const [health, profile, logins] = await Promise.all([
          run.sampleHealth(api, seconds),
          run.sampleProfile(api, seconds),
          factor > 0 ? run.pacedLogins(api, loginCapacity * factor, seconds) : Promise.resolve(null),
        ]);
        row[label] = { health, profile, logins, rss: rss.stop() };
        log(
          `[${kind}] mixed ${round + 1} ${label}: health p99 ${fmt(health.p99, 2)} ms (${health.non2xx + health.errors} failed),`,
          `profile p99 ${fmt(profile.p99, 2)} ms`,
          logins ? `, logins ${describe(logins)} offered ${fmt(logins.offered)}/s` : '',
          `, peak RSS ${fmt(row[label].rss.peakMiB)} MiB`,
        );
        await dumpProfile(`mixed ${round + 1} ${label}`);
      }
      mixed.push(row);
    }
    results.mixed = mixed;

    // Memory under login saturation, in a fresh process: idle after a warm-up, then the peak while
    // logins saturate the hashing slots (earlier scenarios in the main process would blur "idle").
    if (want('memory')) {
      const fresh = await startApi(database.env);
      try {
        const idle = await idleRss(fresh);
        const rss = sampleRss(fresh.pid);
        const logins = [];
        for (let round = 0; round < options.rounds; round += 1) logins.push(await run.login(fresh));
        const peak = rss.stop();
        results.memory = { idleMiB: idle, peakMiB: peak.peakMiB, endMiB: peak.lastMiB, logins };
        log(
          `[${kind}] memory: idle ${fmt(idle)} MiB, peak under login saturation ${fmt(peak.peakMiB)} MiB (${logins.map((l) => fmt(l.rps, 0)).join(', ')} logins/s)`,
        );
      } finally {
        await fresh.stop();
      }
    }

    if (options.soak) {
      const seconds = options.soakMinutes * 60;
      log(`[${kind}] soak: ${options.soakMinutes} min of mixed traffic`);
      const rss = sampleRss(api.pid, 1000);
      const [logins, signups, refreshes, profile, health] = await Promise.all([
        run.pacedLogins(api, loginCapacity * 0.5, seconds),
        run.pacedSignups(api, Math.max(1, loginCapacity * 0.05), seconds),
        run.pacedRefreshes(api, 50, seconds),
        run.sampleProfile(api, seconds, 200),
        run.sampleHealth(api, seconds),
      ]);
      const summary = rss.stop();
      const at = (secondsIn) => {
        const t0 = rss.samples[0].t;
        const sample =
          rss.samples.find((s) => s.t - t0 >= secondsIn * 1000) ?? rss.samples[rss.samples.length - 1];
        return sample.mib;
      };
      results.soak = {
        minutes: options.soakMinutes,
        logins,
        signups,
        refreshes,
        profile,
        health,
        rss: {
          ...summary,
          afterFirstMinuteMiB: at(60),
          endMiB: summary.lastMiB,
          series: rss.samples.map((s) => s.mib),
        },
      };
      log(
        `[${kind}] soak RSS after 1 min ${fmt(at(60))} MiB, end ${fmt(summary.lastMiB)} MiB, peak ${fmt(summary.peakMiB)} MiB`,
      );
      await dumpProfile('soak');
    }
  } finally {
    if (api) await api.stop();
    if (baseline) await baseline.stop();
    if (nestFloor) await nestFloor.stop();
    if (nestFeatures) await nestFeatures.stop();
    if (baselineHeaders) await baselineHeaders.stop();
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  results.targets = evaluateTargets(results);
  return results;
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  apiDir = options.apiDir;
  if (options.build)
    execFileSync(process.execPath, ['scripts/build.mjs', '--if-needed'], { cwd: root, stdio: 'inherit' });
  const kinds = options.db === 'both' ? ['sqlite', 'postgres'] : [options.db];
  if (kinds.includes('postgres') && !process.env.DATABASE_URL)
    throw new Error('--db postgres needs DATABASE_URL');
  const runId = `${Date.now().toString(36)}${randomBytes(2).toString('hex')}`;
  const started = Date.now();
  const machine = {
    cpus: availableParallelism(),
    cpuModel: cpus()[0]?.model,
    memoryGiB: totalmem() / 2 ** 30,
    node: process.version,
    loadBefore: loadavg(),
  };
  let commit = 'unknown';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root }).toString().trim();
  } catch {
    // not a git checkout
  }
  log(
    `benchmark ${runId} (${options.quick ? 'quick' : 'full'}), commit ${commit}, ${machine.cpus} cores, load ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  );
  const backends = [];
  for (const kind of kinds) backends.push(await runBackend(kind, options, runId));
  machine.loadAfter = loadavg();
  const report = {
    runId,
    commit,
    date: new Date().toISOString(),
    seconds: (Date.now() - started) / 1000,
    options,
    machine,
    backends,
  };
  const out =
    options.out ??
    join(
      root,
      'bench/results',
      `${new Date().toISOString().replace(/[:.]/g, '-')}-${options.db}${options.quick ? '-quick' : ''}.json`,
    );
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, JSON.stringify(report, null, 2));
  for (const backend of backends) printTable(backend);
  log(
    `results: ${out} (${fmt(report.seconds, 0)} s; load after ${machine.loadAfter.map((l) => l.toFixed(2)).join(' ')})`,
  );
  const failed = backends.flatMap((b) => b.targets).filter((t) => t.pass === false).length;
  if (failed > 0) log(`${failed} target(s) missed`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});

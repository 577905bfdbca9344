// Child processes under test: start, time to first 200, resident memory, stop.
import { spawn, execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The checkout the benchmark's own servers (baseline, bare-Nest floor) come from. */
const benchRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/** Children still running: killed if the benchmark itself dies, so no server outlives it. */
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, () => process.exit(130)); // runs the 'exit' handler above
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Resident set size of a process in MiB (/proc when there is one, `ps` otherwise). */
export function rssMiB(pid) {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const match = /VmRSS:\s+(\d+)\s+kB/.exec(status);
    if (match) return Number(match[1]) / 1024;
  } catch {
    // no /proc: fall through
  }
  try {
    return (
      Number(
        execFileSync('ps', ['-o', 'rss=', '-p', String(pid)])
          .toString()
          .trim(),
      ) / 1024
    );
  } catch {
    return NaN;
  }
}

let clockTicks;
/** The fields of /proc/<pid>/stat after the command name (which may hold spaces), times in clock ticks. */
function procStat(pid) {
  clockTicks ??= Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  return readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ').pop().split(' ');
}

/** CPU time (user + system) a process has used, in ms; NaN where /proc is missing. */
export function cpuMs(pid) {
  try {
    const fields = procStat(pid); // utime and stime are the 12th and 13th
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks;
  } catch {
    return NaN;
  }
}

/** Milliseconds since a process started (its start time, the 20th field, against the system's uptime). */
export function ageMs(pid) {
  const started = Number(procStat(pid)[19]);
  return Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 1000 - (started * 1000) / clockTicks;
}

/** Samples the RSS of a process every `everyMs` while running; `stop()` gives peak, first, last. */
export function sampleRss(pid, everyMs = 100) {
  const samples = [];
  const take = () => {
    const value = rssMiB(pid);
    if (Number.isFinite(value)) samples.push({ t: Date.now(), mib: value });
  };
  take();
  const timer = setInterval(take, everyMs);
  return {
    samples,
    stop() {
      clearInterval(timer);
      take();
      const values = samples.map((s) => s.mib);
      return {
        peakMiB: values.reduce((a, b) => (b > a ? b : a), -Infinity),
        firstMiB: values[0],
        lastMiB: values[values.length - 1],
      };
    },
  };
}

function getStatus(url) {
  return new Promise((resolve) => {
    const request = http.get(url, { agent: false, timeout: 1000 }, (response) => {
      response.resume();
      response.on('end', () => resolve(response.statusCode));
    });
    request.on('error', () => resolve(0));
    request.on('timeout', () => request.destroy());
  });
}

/** The V8 flags `npm start` runs the API with in a checkout (the Dockerfile, compose and Kubernetes use the same). */
export function apiStartFlags(checkout) {
  const { scripts } = JSON.parse(readFileSync(join(checkout, 'package.json'), 'utf8'));
  return (
    /node ((?:--\S+ )*)dist\/apps\/api\/src\/main\.js/
      .exec(scripts.start)?.[1]
      .trim()
      .split(' ')
      .filter(Boolean) ?? []
  );
}

/**
 * The built API of a checkout as the benchmark runs it: production mode, no log output, a rate limit
 * that the load never reaches, on the database of `dbEnv` (and nothing of the caller's DATABASE_URL).
 */
export function startBuiltApi({
  checkout,
  dbEnv,
  name = 'api',
  script = 'dist/apps/api/src/main.js',
  env = {},
  nodeArgs = [],
  ...run
}) {
  return startServer({
    ...run,
    name,
    script,
    env: {
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000000',
      DATABASE_URL: '',
      ...dbEnv,
      ...env,
    },
    cwd: checkout,
    nodeArgs: [...apiStartFlags(checkout), ...nodeArgs],
  });
}

/** Bare Nest (bench/nest-floor-server.mjs) on `dbEnv`'s database and key; `variant` is its V. */
export function startNestFloor(
  dbEnv,
  { variant = '', name = 'nest-floor', env = {}, nodeArgs = [], ...run } = {},
) {
  return startServer({
    ...run,
    name,
    script: 'bench/nest-floor-server.mjs',
    env: { DATABASE_URL: '', ...dbEnv, ...env, V: variant },
    cwd: benchRoot,
    nodeArgs,
  });
}

/** The bare-Fastify baseline (bench/baseline-server.mjs), with or without the API's headers. */
export function startBaseline(dbEnv, { withHeaders = false, name, env = {}, nodeArgs = [], ...run } = {}) {
  return startServer({
    ...run,
    name: name ?? (withHeaders ? 'baseline-headers' : 'baseline'),
    script: 'bench/baseline-server.mjs',
    env: { DATABASE_URL: '', ...dbEnv, ...env, BASELINE_HEADERS: withHeaders ? '1' : '' },
    cwd: benchRoot,
    nodeArgs,
  });
}

/**
 * A server as the experiments name it on their command lines:
 *   api=<checkout>   the built API of a checkout (after `npm start`'s Node flags)
 *   floor=<V>        bare Nest (bench/nest-floor-server.mjs) with variant V
 *   base | baseh     bare Fastify (bench/baseline-server.mjs) without or with the API's headers
 * each optionally followed by `+NAME=value` (an environment variable of its own) and
 * `+NODE_ARGS=--flag …` (Node flags of its own), e.g. `api=.+X=1+NODE_ARGS=--trace-gc`. `env` and
 * `nodeArgs` go to every server, `apiNodeArgs` and `floorNodeArgs` to those kinds; the other options
 * (`wrapper`, `timeoutMs`) to startServer. The server is named by its spec.
 */
export function startSpec(
  spec,
  dbEnv,
  { env = {}, nodeArgs = [], apiNodeArgs = [], floorNodeArgs = [], ...run } = {},
) {
  const [first, ...assignments] = spec.split('+');
  const [kind, argument = ''] = first.split('=');
  const { NODE_ARGS, ...own } = Object.fromEntries(
    assignments.map((assignment) => assignment.split(/=(.*)/s, 2)),
  );
  const options = {
    ...run,
    name: spec,
    env: { ...env, ...own },
    nodeArgs: [
      ...nodeArgs,
      ...(kind === 'api' ? apiNodeArgs : kind === 'floor' ? floorNodeArgs : []),
      ...(NODE_ARGS?.split(' ').filter(Boolean) ?? []),
    ],
  };
  if (kind === 'api') return startBuiltApi({ ...options, checkout: resolve(argument || '.'), dbEnv });
  if (kind === 'floor') return startNestFloor(dbEnv, { ...options, variant: argument });
  return startBaseline(dbEnv, { ...options, withHeaders: kind === 'baseh' });
}

/**
 * Spawns `node <script>` with `env` added to the current environment and waits for the first 200
 * on `/health/live`; the time from spawn to that answer is `startupMs`. `wrapper` runs node under
 * another program (e.g. `['valgrind', '--tool=callgrind']`), which keeps node's process id.
 */
export async function startServer({
  name,
  script,
  env,
  cwd,
  nodeArgs = [],
  timeoutMs = 60_000,
  wrapper = [],
}) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let output = '';
  const started = performance.now();
  const [command, ...args] = [...wrapper, process.execPath, ...nodeArgs, script];
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000);
  };
  child.stdout.on('data', keep);
  child.stderr.on('data', keep);
  let exited = null;
  running.add(child);
  child.once('exit', (code, signal) => {
    exited = { code, signal };
    running.delete(child);
  });
  while ((await getStatus(`${url}/health/live`)) !== 200) {
    if (exited) throw new Error(`${name} exited (${JSON.stringify(exited)}) before answering:\n${output}`);
    if (performance.now() - started > timeoutMs) {
      child.kill('SIGKILL');
      throw new Error(`${name} did not answer /health/live within ${timeoutMs} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  const startupMs = performance.now() - started;
  return {
    name,
    url,
    port,
    pid: child.pid,
    startupMs,
    output: () => output,
    rss: () => rssMiB(child.pid),
    async stop() {
      if (exited) return exited;
      const done = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const result = await done;
      clearTimeout(timer);
      return result;
    },
  };
}

/** Runs `node <script> <args>` to completion and parses the JSON line it prints last. */
export function runJson(script, args, { cwd, env } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      cwd,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`${script} exited with ${code}`));
      try {
        resolve(JSON.parse(out.trim().split('\n').pop()));
      } catch (error) {
        reject(error);
      }
    });
  });
}

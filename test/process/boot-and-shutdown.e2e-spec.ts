import { ChildProcess, spawn } from 'node:child_process';
import { request as httpRequest } from 'node:http';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signUpBody } from '../support/factories';

const root = join(__dirname, '..', '..');
const main = join(root, 'dist/apps/api/src/main.js');
const codeCache = join(root, 'dist/apps/api/src/server.bundle.js.cache');

function start(env: Record<string, string>): {
  child: ChildProcess;
  output: () => string;
  exit: Promise<number | null>;
} {
  const child = spawn(process.execPath, [main], { cwd: root, env: { PATH: process.env.PATH, ...env } });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  // 'close', not 'exit': the exit can be reported before the last of the child's output is read.
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => output, exit };
}

async function waitForLive(port: number): Promise<void> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/health/live`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the API did not become live');
}

describe('The API process (built by the test setup)', () => {
  jest.setTimeout(60_000);
  let dir: string;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'fluentpro-boot-'));
  });
  const children: ChildProcess[] = [];
  afterEach(() => {
    for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses to start on a bad value, naming the variable, with exit code 1', async () => {
    const api = start({ DATABASE_URL: 'nonsense', PORT: '0' });
    children.push(api.child);
    expect(await api.exit).toBe(1);
    expect(api.output()).toContain('DATABASE_URL');
    expect(api.output()).toContain('Invalid configuration');
  });

  it('creates and migrates its SQLite file, serves, and on SIGTERM finishes in-flight requests before exiting 0', async () => {
    const port = 20_000 + Math.floor(Math.random() * 20_000);
    const api = start({
      PORT: String(port),
      HOST: '127.0.0.1',
      SQLITE_PATH: join(dir, 'db', 'fluentpro.sqlite'),
      JWT_KEYS_DIR: join(dir, 'keys'),
      LOG_LEVEL: 'warn',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      // Slow hashes (~0.1–0.3 s each) make reading a request negligible beside serving it.
      ARGON2_TIME_COST: '30',
      HASH_CONCURRENCY: '2',
      HASH_QUEUE_LIMIT: '64',
    });
    children.push(api.child);
    await waitForLive(port);
    // Sign-ups hash passwords (slow work, two at a time): SIGTERM arrives while most of a burst are still
    // queued for the hasher and must all be answered. (A connection whose request the server has not read yet is closed with the
    // listener, as for any server: the load balancer stops sending before SIGTERM.)
    const count = 8;
    const signUp = () =>
      new Promise<number>((resolve, reject) => {
        const request = httpRequest(
          {
            host: '127.0.0.1',
            port,
            path: '/api/v1/auth/signup/',
            method: 'POST',
            headers: { 'content-type': 'application/json' },
          },
          (response) => {
            response.resume();
            response.on('end', () => resolve(response.statusCode ?? 0));
          },
        );
        request.on('error', reject);
        request.end(JSON.stringify(signUpBody()));
      });
    // Warm up, so that the burst below is read by the server at once.
    expect(await Promise.all([signUp(), signUp()])).toEqual([201, 201]);
    if (process.platform === 'linux') {
      // The threadpool that hashed them runs at a lower priority than the event loop (THREADPOOL_NICE).
      const pid = api.child.pid!;
      const nice = (task: number) =>
        Number(readFileSync(`/proc/${pid}/task/${task}/stat`, 'utf8').split(') ')[1].split(' ')[16]);
      const tasks = readdirSync(`/proc/${pid}/task`).map(Number);
      expect(nice(pid)).toBe(0);
      expect(tasks.filter((task) => nice(task) === 10)).toHaveLength(4);
    }
    let answered = 0;
    const inFlight = Array.from({ length: count }, () => signUp().finally(() => (answered += 1)));
    // Once the first is answered, the server has read the whole burst (sent together, earlier).
    await Promise.race(inFlight);
    const answeredBeforeSignal = answered;
    api.child.kill('SIGTERM');
    expect(await Promise.all(inFlight)).toEqual(Array(count).fill(201));
    expect(answeredBeforeSignal).toBeLessThan(count);
    expect(await api.exit).toBe(0);
  });

  it('runs the bundle the build makes, writing its V8 code cache after the first start and reusing it', async () => {
    expect(existsSync(join(root, 'dist/apps/api/src/server.bundle.js'))).toBe(true);
    rmSync(codeCache, { force: true });
    const env = {
      HOST: '127.0.0.1',
      SQLITE_PATH: join(dir, 'fluentpro.sqlite'),
      JWT_KEYS_DIR: join(dir, 'keys'),
      LOG_LEVEL: 'warn',
    };
    const run = async () => {
      const port = 20_000 + Math.floor(Math.random() * 20_000);
      const api = start({ ...env, PORT: String(port) });
      children.push(api.child);
      await waitForLive(port);
      // Written once the server listens: by then the first answer may already have gone out.
      for (let attempt = 0; attempt < 50 && !existsSync(codeCache); attempt += 1)
        await new Promise((resolve) => setTimeout(resolve, 100));
      api.child.kill('SIGTERM');
      expect(await api.exit).toBe(0);
    };
    await run();
    const written = statSync(codeCache);
    expect(written.size).toBeGreaterThan(0);
    await run();
    // Accepted by V8 on the second start, so not written again.
    expect(statSync(codeCache).mtimeMs).toBe(written.mtimeMs);
  });
});

import { ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** A stand-in OTLP/HTTP collector: keeps the JSON bodies posted to /v1/traces. */
async function startCollector(): Promise<{ server: Server; url: string; bodies: unknown[] }> {
  const bodies: unknown[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (request.url === '/v1/traces') bodies.push(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, bodies };
}

/** The built API (dist/) as a real process, as in production: tracing needs Node's own module loader. */
describe('Tracing (OpenTelemetry) in the built API process', () => {
  let dataDir: string;
  let api: ChildProcess;
  let collector: Awaited<ReturnType<typeof startCollector>>;
  const lines: Record<string, unknown>[] = [];

  beforeAll(async () => {
    execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--if-needed'], { cwd: root });
    collector = await startCollector();
    dataDir = mkdtempSync(join(tmpdir(), 'fluentpro-tracing-'));
    api = spawn(process.execPath, [join(root, 'dist/apps/api/src/main.js')], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        NODE_ENV: 'test',
        HOST: '127.0.0.1',
        PORT: '0',
        LOG_LEVEL: 'info',
        SQLITE_PATH: join(dataDir, 'db.sqlite'),
        JWT_KEYS_DIR: join(dataDir, 'keys'),
        OTEL_EXPORTER_OTLP_ENDPOINT: collector.url,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let buffered = '';
    api.stdout!.on('data', (chunk: Buffer) => {
      buffered += chunk.toString('utf8');
      const parts = buffered.split('\n');
      buffered = parts.pop()!;
      for (const part of parts) if (part.trim()) lines.push(JSON.parse(part) as Record<string, unknown>);
    });
  }, 120_000);

  afterAll(async () => {
    if (api.exitCode === null) api.kill('SIGKILL');
    await new Promise<void>((resolve) => collector.server.close(() => resolve()));
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('exports spans over OTLP/HTTP and writes their trace id on the request log line', async () => {
    const deadline = Date.now() + 60_000;
    let url: string | undefined;
    while (!url && Date.now() < deadline) {
      const started = lines.find((line) => String(line.msg).startsWith('FluentPro API listening on '));
      url = started ? String(started.msg).split(' ')[4] : undefined;
      if (!url) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(url).toBeDefined();

    const response = await fetch(`${url}/api/v1/auth/profile/`, { headers: { 'x-request-id': 'traced-1' } });
    expect(response.status).toBe(401);

    // 'close', not 'exit': the exit can be reported before the last of the child's output is read.
    const exited = new Promise((resolve) => api.once('close', resolve));
    api.kill('SIGTERM'); // shutting down flushes the buffered spans
    await exited;

    const line = lines.find((l) => l.request_id === 'traced-1' && l.msg === 'request completed');
    expect(line).toMatchObject({ route: '/api/v1/auth/profile', status: 401 });
    expect(line!.trace_id).toMatch(/^[0-9a-f]{32}$/);

    const spans = collector.bodies.flatMap((body) =>
      (
        body as {
          resourceSpans: {
            resource: unknown;
            scopeSpans: { spans: { traceId: string; name: string }[] }[];
          }[];
        }
      ).resourceSpans.flatMap((resource) => resource.scopeSpans.flatMap((scope) => scope.spans)),
    );
    const traced = spans.filter((span) => span.traceId === line!.trace_id);
    expect(traced.length).toBeGreaterThan(0);
    expect(traced.map((span) => span.name)).toContain('GET');
    expect(JSON.stringify(collector.bodies)).toContain('fluentpro-api');
  }, 90_000);
});

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';

const root = join(__dirname, '../..');
const script = join(root, 'scripts/validate-deployment.mjs');
const packageJson = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  scripts: Record<string, string>;
};

/** Runs the validator (kubectl kustomize + Kubernetes and compose JSON schemas, all offline). */
function validate(args: string[] = []): { code: number; output: string } {
  try {
    return {
      code: 0,
      output: execFileSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' }),
    };
  } catch (error) {
    const failed = error as { status: number; stdout: string; stderr: string };
    return { code: failed.status, output: `${failed.stdout}${failed.stderr}` };
  }
}

describe('Deployment files', () => {
  let scratch: string;
  beforeAll(() => {
    scratch = mkdtempSync(join(tmpdir(), 'fluentpro-deploy-'));
  });
  afterAll(() => rmSync(scratch, { recursive: true, force: true }));

  it('renders every kustomization and validates it and both compose files', () => {
    const { code, output } = validate();
    expect(output).toContain('ok      docker/k8s/base:');
    expect(output).toContain('ok      docker/k8s/overlays/staging:');
    expect(output).toContain('ok      docker/k8s/overlays/production:');
    expect(output).toContain('ok      docker-compose.yml: 5 services');
    expect(output).toContain('ok      docker/docker-compose.prod.yml: 3 services');
    expect(output).toMatch(/Deployment×2, PodDisruptionBudget×2, HorizontalPodAutoscaler, Job, Ingress/);
    expect(code).toBe(0);
  }, 60_000);

  it('rejects a Kubernetes object that breaks the schema', () => {
    const file = join(scratch, 'broken.yaml');
    writeFileSync(
      file,
      [
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata: { name: broken }',
        'spec:',
        '  replicas: two',
        '  selector: { matchLabels: { app: x } }',
        '  template:',
        '    metadata: { labels: { app: x } }',
        '    spec:',
        '      containers:',
        '        - name: c',
        '          image: x',
        '          livenessProbe: { httpGet: { path: /health/live } }',
      ].join('\n'),
    );
    const { code, output } = validate(['--manifest', file]);
    expect(code).toBe(1);
    expect(output).toContain('Deployment/broken: /spec/replicas must be integer');
    expect(output).toContain('httpGet must have required property port');
  });

  it('rejects a compose file that breaks the compose specification or the migration order', () => {
    const file = join(scratch, 'docker-compose.yml');
    writeFileSync(
      file,
      [
        'services:',
        '  api:',
        '    image: x',
        '    ports: 8000',
        '    restrat: always',
        '  worker:',
        '    image: x',
      ].join('\n'),
    );
    const { code, output } = validate(['--compose', file]);
    expect(code).toBe(1);
    expect(output).toContain('/services/api must NOT have additional properties (restrat)');
    expect(output).toContain('/services/api/ports must be array');
    expect(output).toContain('api must wait for migrate to complete');
  });

  it('builds a small non-root image with a health check, in stages', () => {
    const dockerfile = readFileSync(join(root, 'docker/Dockerfile'), 'utf8');
    const stages = dockerfile.match(/^FROM .+$/gm) ?? [];
    expect(stages).toEqual(['FROM ${NODE_IMAGE} AS build', 'FROM ${NODE_IMAGE} AS runtime']);
    expect(dockerfile).toContain('ARG NODE_IMAGE=node:20-bookworm-slim');
    const runtime = dockerfile.slice(dockerfile.indexOf('AS runtime'));
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime).toMatch(/^HEALTHCHECK .*\n.*\/health\/live/m);
    expect(runtime).not.toMatch(/g\+\+|npm ci/);
    // The API runs with the V8 flags of `npm start` everywhere (docs/performance.md: young generation).
    const flags = /node (--.*) dist\/apps\/api\/src\/main\.js/.exec(packageJson.scripts.start)![1].split(' ');
    const command = ['node', ...flags, 'dist/apps/api/src/main.js'];
    // Node exits with "bad option" on a V8 flag it does not know: this Node must accept every one.
    expect(spawnSync(process.execPath, [...flags, '-e', '0']).status).toBe(0);
    expect(runtime).toContain(`CMD [${command.map((part) => `"${part}"`).join(', ')}]`);
    for (const file of [
      'docker-compose.yml',
      'docker/docker-compose.prod.yml',
      'docker/k8s/base/api-deployment.yaml',
    ])
      expect(readFileSync(join(root, file), 'utf8')).toContain(
        `[${command.map((part) => `'${part}'`).join(', ')}]`,
      );
  });

  it('runs the same checks in CI as .ci/run does, with PostgreSQL and Redis service containers', () => {
    const ci = parse(readFileSync(join(root, '.github/workflows/ci.yml'), 'utf8'));
    const steps = Object.values(ci.jobs as Record<string, { steps: { run?: string }[] }>)
      .flatMap((job) => job.steps)
      .map((step) => step.run ?? '')
      .join('\n');
    for (const command of [
      'npm ci',
      'npm run lint',
      'npm run typecheck',
      'npm run deps:validate',
      'npm run format:check',
      'npm audit --omit=dev --audit-level=high',
      'node scripts/validate-deployment.mjs',
      'docker build -f docker/Dockerfile',
      'npm test',
    ])
      expect(steps).toContain(command);
    expect(Object.keys(ci.jobs.test.services)).toEqual(['postgres', 'redis']);
    const deploy = parse(readFileSync(join(root, '.github/workflows/deploy.yml'), 'utf8'));
    expect(deploy.on.push.branches).toEqual(['main']);
    expect(readFileSync(join(root, '.ci/run'), 'utf8')).toContain('node scripts/validate-deployment.mjs');
  });
});

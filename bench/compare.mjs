// Prints a markdown table of the targets of two or more result files side by side (e.g. a run of the
// API at an older commit with --api-dir, and one of the current code), with the CPU per request of the
// request-path scenarios as a cross-check that the machine's other load disturbs less.
//   node bench/compare.mjs bench/results/before.json bench/results/after.json [--db sqlite]
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { median } from './lib/load.mjs';

const args = process.argv.slice(2);
const dbIndex = args.indexOf('--db');
const db = dbIndex >= 0 ? args.splice(dbIndex, 2)[1] : 'sqlite';
const runs = args.map((file) => {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const backend = report.backends.find((b) => b.kind === db);
  if (!backend) throw new Error(`${file} has no ${db} results`);
  return { name: basename(file, '.json'), report, backend };
});

const fmt = (value, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : 'n/a');
console.log(`| target | limit | ${runs.map((r) => r.name).join(' | ')} |`);
console.log(`|---|---|${runs.map(() => '---').join('|')}|`);
for (const target of runs[0].backend.targets) {
  const cells = runs.map(({ backend }) => {
    const t = backend.targets.find((x) => x.id === target.id);
    return t ? `${fmt(t.value)} ${t.pass === null ? '' : t.pass ? 'PASS' : 'FAIL'}` : 'n/a';
  });
  console.log(`| ${target.label} | ${target.op} ${target.limit} | ${cells.join(' | ')} |`);
}

const cpu = (rounds, pick) =>
  median(
    rounds.map((r) => {
      try {
        return pick(r).cpuMsPerRequest * 1000;
      } catch {
        return NaN;
      }
    }),
  );
console.log(`\n| CPU µs per request (median of rounds) | ${runs.map((r) => r.name).join(' | ')} |`);
console.log(`|---|${runs.map(() => '---').join('|')}|`);
const rows = [
  ['api /health/live', (r) => r.health.api],
  ['baseline /health/live', (r) => r.health.baseline],
  ['bare Nest /health/live', (r) => r.health.nestFloor],
  ['bare Fastify + headers /health/live', (r) => r.health.baselineHeaders],
  ['api /profile', (r) => r.profile.api],
  ['baseline /profile', (r) => r.profile.baseline],
  ['api login (hashing threads included)', (r) => r.login.login],
  ['api sign-up (hashing threads included)', (r) => r.signup.signup],
  ['api refresh', (r) => r.refresh.refresh],
];
for (const [label, pick] of rows) {
  console.log(
    `| ${label} | ${runs.map(({ backend }) => fmt(cpu(backend.rounds ?? [], pick), 0)).join(' | ')} |`,
  );
}
console.log(
  `\nmachine load average (1 min) before/after: ${runs
    .map(
      ({ name, report }) =>
        `${name} ${fmt(report.machine.loadBefore[0], 1)}/${fmt(report.machine.loadAfter[0], 1)}`,
    )
    .join(', ')}`,
);

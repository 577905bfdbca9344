// Summarises a .cpuprofile (from `node --cpu-prof` or `npm run bench -- --profile`): self time by
// function and by package, heaviest first.
//   node bench/profile-summary.mjs bench/results/profiles/api-03.cpuprofile [top]
import { readFileSync } from 'node:fs';

const [file, topArg] = process.argv.slice(2);
const top = Number(topArg ?? 30);
const profile = JSON.parse(readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const selfTime = new Map();
const deltas = profile.timeDeltas;
for (let i = 0; i < profile.samples.length; i += 1) {
  const id = profile.samples[i];
  selfTime.set(id, (selfTime.get(id) ?? 0) + (deltas[i] ?? 0));
}
const total = [...selfTime.values()].reduce((a, b) => a + b, 0);
const byFunction = new Map();
const byPackage = new Map();
for (const [id, micros] of selfTime) {
  const { functionName, url, lineNumber } = byId.get(id).callFrame;
  const where = url.replace(/^file:\/\//, '').replace(/.*node_modules\//, '');
  const key = `${functionName || '(anonymous)'}  ${where}:${lineNumber + 1}`;
  byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  const pkg = url.includes('node_modules/')
    ? url
        .split('node_modules/')
        .pop()
        .split('/')
        .slice(0, url.split('node_modules/').pop().startsWith('@') ? 2 : 1)
        .join('/')
    : url.includes('/dist/')
      ? `project: ${url.split('/dist/').pop().split('/').slice(0, 2).join('/')}`
      : url.startsWith('node:') || url === ''
        ? functionName.startsWith('(')
          ? functionName
          : `node internals / native`
        : url;
  byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + micros);
}
const print = (title, map) => {
  console.log(`\n${title}`);
  for (const [key, micros] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(
      `${((micros / total) * 100).toFixed(1).padStart(5)}%  ${(micros / 1000).toFixed(0).padStart(7)} ms  ${key}`,
    );
  }
};
console.log(`${file}: ${(total / 1e6).toFixed(1)} s sampled`);
print('self time by package', byPackage);
print('self time by function', byFunction);

// Compares sampled allocations of servers (profiles written by alloc-sampling.mjs) per request: each
// profile is divided by what Node's HTTP parser allocates once per request (parserOnHeadersComplete),
// so runs of different lengths compare. Prints each profile's total in those units and its largest
// allocating functions.
//   node bench/experiments/alloc-compare.mjs <profile.json>... [--top N]
import { readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const topAt = args.indexOf('--top');
const top = topAt >= 0 ? Number(args.splice(topAt, 2)[1]) : 15;
const UNIT = 'parserOnHeadersComplete node:_http_common';

for (const file of args) {
  const bytes = new Map();
  const walk = (node) => {
    const { functionName, url } = node.callFrame;
    const where = url.split('/node_modules/').at(-1).replace(`${process.cwd()}/`, '');
    const key = `${functionName || '(anonymous)'} ${where}`;
    bytes.set(key, (bytes.get(key) ?? 0) + node.selfSize);
    for (const child of node.children ?? []) walk(child);
  };
  walk(JSON.parse(readFileSync(file, 'utf8')).head);
  const unit = bytes.get(UNIT);
  if (!unit) throw new Error(`${file}: no allocation by ${UNIT}; was the server loaded over HTTP?`);
  const total = [...bytes.values()].reduce((sum, value) => sum + value, 0);
  console.log(`${file}: ${(total / unit).toFixed(1)} units per request (1 unit = ${UNIT})`);
  for (const [key, value] of [...bytes].sort((a, b) => b[1] - a[1]).slice(0, top)) {
    console.log(`  ${(value / unit).toFixed(2).padStart(6)}  ${key}`);
  }
}

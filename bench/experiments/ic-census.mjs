// Inline-cache misses per request, and where: a property load or store that misses its cache on every
// request (a megamorphic site seeing new maps, an object given a map of its own each time) is work a
// CPU profile spreads thin. Each server runs with V8's `--log-ic`, is warmed up, then sent <requests>
// more between two idle seconds; the report lists the sites that missed in that window, most first,
// per request: the function and script (from the log's code-creation events), the line and column, the
// property, and the IC's state before -> after (1 monomorphic, P polymorphic, N megamorphic, X no
// feedback; V8's ic-processor). This found pg's query config given a new map per query in the bundle
// (docs/performance.md, "The bundle's module wrappers").
//
//   node bench/experiments/ic-census.mjs <requests> <path> <server>...
//   server: api=<checkout>, floor=<V>, base or baseh, as profile-ab.mjs (startSpec in bench/lib/processes.mjs)
//   e.g. node bench/experiments/ic-census.mjs 2000 /api/v1/auth/profile/ api=. floor=headers,reqid,pipe,als
// SQLite in a temporary directory, or a new database on DATABASE_URL's server (dropped at the end).
// WARMUP sets the warm-up requests (default 5000), TOP the sites listed (default 15).
import { createReadStream } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { setTimeout as pause } from 'node:timers/promises';
import { rangeLookup } from '../lib/code-ranges.mjs';
import { startExperiment } from '../lib/experiment.mjs';
import { getEach } from '../lib/load.mjs';
import { ageMs, startSpec } from '../lib/processes.mjs';

const { requests, path, specs, dir, dbEnv, tokens, end } = await startExperiment('ic-census');
const warmup = Number(process.env.WARMUP ?? 5000);
const top = Number(process.env.TOP ?? 15);

// V8's log timestamps count (in µs) from the process's start, give or take its own start-up: the
// window is found by the process's age, with half an idle second on each side.
const IDLE_MS = 1000;

/**
 * IC events of the log between fromMs and toMs, counted by site. Code objects are found by address
 * among the code-creation events logged before (the latest at an address wins; moves are ignored).
 */
async function census(log, fromMs, toMs) {
  const created = new Map(); // address -> [size, name], before the window
  let findCreated; // by address, among them, built when the window opens
  const lateCode = []; // created inside the window
  const sites = new Map();
  let misses = 0;
  const nameAt = (pc) => {
    for (const [start, end, name] of lateCode) if (pc >= start && pc < end) return name;
    return findCreated(pc) ?? '?';
  };
  for await (const line of createInterface({ input: createReadStream(log) })) {
    const fields = line.split(',');
    if (fields[0] === 'code-creation') {
      // code-creation,<type>,<kind>,<time µs>,<address>,<size>,<name>[,<function's address>,<tier>]
      const start = parseInt(fields[4], 16);
      const size = Number(fields[5]);
      const name = fields.length > 7 ? fields.slice(6, -2).join(',') : fields[6];
      if (findCreated) lateCode.push([start, start + size, name]);
      else created.set(start, [size, name]);
      continue;
    }
    if (!/IC$/.test(fields[0])) continue;
    // <IC>,<pc>,<time µs>,<line>,<column>,<old state>,<new state>,<map>,<key>,...
    const ms = Number(fields[2]) / 1000;
    if (ms < fromMs) continue;
    if (ms > toMs) break;
    findCreated ??= rangeLookup([...created].map(([start, [size, name]]) => [start, start + size, name]));
    const site = `${fields[0]} ${fields[5]}->${fields[6]} ${fields[8]} at ${fields[3]}:${fields[4]} in ${nameAt(parseInt(fields[1], 16))}`;
    sites.set(site, (sites.get(site) ?? 0) + 1);
    misses++;
  }
  return { misses, sites: [...sites].sort((a, b) => b[1] - a[1]) };
}

for (const [index, spec] of specs.entries()) {
  const log = join(dir, `ic-${index}.log`);
  const server = await startSpec(spec, dbEnv, {
    nodeArgs: ['--log-ic', `--logfile=${log}`, '--no-logfile-per-isolate'],
  });
  const send = (count) => getEach(server.url, { path, tokens, count, concurrency: 8 });
  await send(warmup);
  await pause(IDLE_MS);
  const from = ageMs(server.pid) - IDLE_MS / 2;
  await send(requests);
  const to = ageMs(server.pid) + IDLE_MS / 2;
  await pause(IDLE_MS);
  await server.stop();
  const { misses, sites } = await census(log, from, to);
  const perRequest = (count) => (count / requests).toFixed(2).padStart(6);
  console.log(`\n== ${spec}: ${perRequest(misses).trim()} IC misses per request`);
  for (const [site, count] of sites.slice(0, top)) console.log(`${perRequest(count)}  ${site}`);
}
await end();

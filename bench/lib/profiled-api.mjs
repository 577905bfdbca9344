// Runs the built API under the V8 CPU profiler (what `node --cpu-prof` records) and writes one
// .cpuprofile per SIGWINCH (Nest's shutdown hooks own SIGUSR2), so the benchmark can save a profile per scenario. `--cpu-prof` itself only
// writes at a clean exit, which a SIGTERM-terminated Nest process never has.
//   BENCH_PROFILE_DIR=dir node bench/lib/profiled-api.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const directory = resolve(process.env.BENCH_PROFILE_DIR ?? 'bench/results/profiles');
mkdirSync(directory, { recursive: true });
const session = new Session();
session.connect();
const post = (method, params = {}) =>
  new Promise((done, fail) =>
    session.post(method, params, (error, result) => (error ? fail(error) : done(result))),
  );

await post('Profiler.enable');
await post('Profiler.setSamplingInterval', { interval: 200 });
await post('Profiler.start');
let part = 0;
process.on('SIGWINCH', () => {
  void (async () => {
    const { profile } = await post('Profiler.stop');
    part += 1;
    writeFileSync(
      join(directory, `api-${String(part).padStart(2, '0')}.cpuprofile`),
      JSON.stringify(profile),
    );
    await post('Profiler.start');
  })();
});
// The compiled modules, not main.js's bundle: in one bundled file every function would be attributed to
// it, and profile-summary.mjs attributes self time by package from each function's file.
const { startServer } = await import(pathToFileURL(resolve('dist/apps/api/src/server.js')).href);
startServer().catch((error) => {
  console.error('FluentPro API failed to start:', error);
  process.exit(1);
});

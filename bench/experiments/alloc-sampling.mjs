// Preload (`node --import`) that samples every allocation of the process, objects already collected
// included, from 5 s after start (past start-up) until it exits or gets SIGTERM, and writes V8's
// sampling heap profile to /tmp/alloc-<pid>.json. Node's own --heap-prof keeps only the objects still
// alive, which says nothing of a request path's allocation rate. With profile-ab:
//   API_NODE_ARGS="--import $PWD/bench/experiments/alloc-sampling.mjs" FLOOR_NODE_ARGS="--import $PWD/bench/experiments/alloc-sampling.mjs" \
//     taskset -c 1 node bench/experiments/profile-ab.mjs 1 6 /api/v1/auth/profile/ api=. floor=headers,reqid,pipe,als
//   node bench/experiments/alloc-compare.mjs /tmp/alloc-<api pid>.json /tmp/alloc-<floor pid>.json
import { writeFileSync } from 'node:fs';
import inspector from 'node:inspector';

const session = new inspector.Session();
session.connect();
let started = false;
let written = false;
setTimeout(() => {
  session.post('HeapProfiler.enable');
  session.post(
    'HeapProfiler.startSampling',
    {
      samplingInterval: 2048,
      includeObjectsCollectedByMajorGC: true,
      includeObjectsCollectedByMinorGC: true,
    },
    (error) => {
      if (error) console.error('alloc-sampling:', error.message);
      else started = true;
    },
  );
}, 5000).unref();

// The in-process session answers synchronously, so this also works in an exit handler.
function dump() {
  if (!started || written) return;
  written = true;
  session.post('HeapProfiler.stopSampling', (error, result) => {
    if (!error) writeFileSync(`/tmp/alloc-${process.pid}.json`, JSON.stringify(result.profile));
  });
}
process.on('exit', dump);
process.prependListener('SIGTERM', dump); // before Nest's shutdown hook, which ends the process by signal

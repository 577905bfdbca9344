// The argon2id ceiling: hashes per second this machine achieves with the API's configured parameters
// at the API's hash concurrency, with nothing else in the process (plain @node-rs/argon2 loop, off the
// event loop on the libuv threadpool exactly as the API runs it). Prints one JSON line.
//   node bench/argon2-ceiling.mjs <memoryKiB> <timeCost> <parallelism> <concurrency> <seconds>
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { hash, Algorithm } = require('@node-rs/argon2');

const [memoryCost, timeCost, parallelism, concurrency, seconds] = process.argv.slice(2).map(Number);
const options = { algorithm: Algorithm.Argon2id, memoryCost, timeCost, parallelism };

async function worker(until, counter) {
  while (performance.now() < until) {
    await hash('Bench-passw0rd!', options);
    counter.count += 1;
  }
}

// Warm up (first allocation of each thread's memory), then measure.
await Promise.all(Array.from({ length: concurrency }, () => hash('warm-up', options)));
const counter = { count: 0 };
const started = performance.now();
await Promise.all(Array.from({ length: concurrency }, () => worker(started + seconds * 1000, counter)));
const elapsed = (performance.now() - started) / 1000;
console.log(
  JSON.stringify({
    hashesPerSecond: counter.count / elapsed,
    hashes: counter.count,
    seconds: elapsed,
    concurrency,
  }),
);

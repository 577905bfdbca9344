// Preloaded (`node --import`) by promise-census.mjs into the server it measures: counts the promises
// the process creates between two SIGWINCH signals (a signal Nest's shutdown hooks leave alone), each
// under the frames that created it, and writes them to CENSUS_OUT at the second signal.
import { createHook } from 'node:async_hooks';
import { writeFileSync } from 'node:fs';

const FRAMES = 5; // the frames kept per site, after the async_hooks machinery's own
let counting = false;
let total = 0;
const sites = new Map();

createHook({
  init(_id, type) {
    if (!counting || type !== 'PROMISE') return;
    total += 1;
    const frames = new Error().stack
      .split('\n')
      .slice(1)
      .map((line) => line.trim().replace(/^at /, ''))
      .filter((frame) => !frame.includes('node:internal/async_hooks') && !frame.includes(import.meta.url))
      .slice(0, FRAMES)
      .map((frame) => frame.replace(/\(?\/.*\/(node_modules|dist)\//, '($1/'));
    const site = frames.join(' < ');
    sites.set(site, (sites.get(site) ?? 0) + 1);
  },
}).enable();

Error.stackTraceLimit = 20;
process.on('SIGWINCH', () => {
  counting = !counting;
  if (counting) {
    total = 0;
    sites.clear();
    return;
  }
  const lines = [...sites].sort((a, b) => b[1] - a[1]).map(([site, count]) => `${count}\t${site}`);
  writeFileSync(process.env.CENSUS_OUT, `${total}\n${lines.join('\n')}\n`);
});

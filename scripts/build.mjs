// Compiles apps/ and libs/ into dist/ (tsc, then tsc-alias rewrites the @fluentpro/* path aliases).
// Then bundles the API server into one file (scripts/bundle-api.mjs). With --if-needed it does nothing
// when dist/ is newer than every source file, so `npm start` is quick.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { bundleApi } from './bundle-api.mjs';

const root = new URL('..', import.meta.url).pathname;
const marker = join(root, 'dist/.build-stamp');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

const sources = [
  'apps',
  'libs',
  'tsconfig.json',
  'tsconfig.build.json',
  'package-lock.json',
  'scripts/bundle-api.mjs',
].map((p) => join(root, p));
const newest = Math.max(
  ...sources.map((p) => (statSync(p).isDirectory() ? newestSource(p) : statSync(p).mtimeMs)),
);
if (process.argv.includes('--if-needed') && existsSync(marker) && statSync(marker).mtimeMs >= newest)
  process.exit(0);

rmSync(join(root, 'dist'), { recursive: true, force: true });
const bin = (name) => join(root, 'node_modules/.bin', name);
execFileSync(bin('tsc'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
execFileSync(bin('tsc-alias'), ['-p', 'tsconfig.build.json'], { cwd: root, stdio: 'inherit' });
await bundleApi(root);
execFileSync('touch', [marker]);

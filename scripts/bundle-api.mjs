// Bundles the compiled API server (dist/apps/api/src/server.js) and what it loads into one file,
// dist/apps/api/src/server.bundle.js, which dist/apps/api/src/main.js runs (docs/performance.md,
// start-up). Run by scripts/build.mjs after tsc; the rest of dist/ stays as compiled.
import { build } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Script } from 'node:vm';

/**
 * Left to Node's loader, for one of three reasons:
 * - native addons, found relative to their package: better-sqlite3, @node-rs/argon2;
 * - read files relative to their own directory: swagger-ui-dist (the console's assets), pino and
 *   thread-stream (worker-thread transports);
 * - loaded only in a mode that needs them, so they cost nothing otherwise: pg (DATABASE_URL), the Auth0
 *   SDK and jwks-rsa (IDENTITY_PROVIDER=auth0), ioredis, bullmq and Bull Board (REDIS_URL), nodemailer
 *   (SMTP_URL), OpenTelemetry (main.js runs the compiled modules when tracing).
 * Nothing that imports @nestjs/* may be left out: two copies of Nest's classes break injection.
 */
const EXTERNAL = [
  'better-sqlite3',
  '@node-rs/argon2',
  'swagger-ui-dist',
  'pino',
  'thread-stream',
  'pg',
  'pg-native',
  'auth0',
  'jwks-rsa',
  'ioredis',
  'bullmq',
  '@bull-board/*',
  'nodemailer',
  '@opentelemetry/*',
];

/** Optional peers that are not installed (@nestjs/microservices, ...): required at run time, in a try, as before. */
const notInstalledStaysExternal = {
  name: 'not-installed-stays-external',
  setup(bundler) {
    bundler.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData?.probing) return undefined;
      const found = await bundler.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        pluginData: { probing: true },
      });
      return found.errors.length > 0 ? { path: args.path, external: true } : undefined;
    });
  },
};

/**
 * The bundle with every non-ASCII character written as a \u escape. esbuild escapes them in strings
 * but not in regular expressions (validator's alphabets, the stemmer's apostrophes), and one such
 * character makes V8 hold the whole 10 MB source as a two-byte string: ~10 MiB more resident memory.
 * An escape means the same in a string, a regular expression and an identifier; a character that was
 * itself escaped (`\’`) becomes the escape alone.
 */
export function asciiOnly(source) {
  return source.replace(/(\\*)([\u0080-\uffff])/g, (_, backslashes, character) => {
    const escape = `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`;
    return backslashes.length % 2 === 1 ? backslashes.slice(1) + escape : backslashes + escape;
  });
}

export async function bundleApi(root) {
  const directory = join(root, 'dist/apps/api/src');
  const outfile = join(directory, 'server.bundle.js');
  await build({
    entryPoints: [join(directory, 'server.js')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Nest and TypeORM use class names (entity and table names, error messages, module tokens).
    keepNames: true,
    external: EXTERNAL,
    plugins: [notInstalledStaysExternal],
    legalComments: 'none',
    // Whitespace and comments only: names and code stay as written.
    minifyWhitespace: true,
    // Stack traces name lines of the bundle (Node applies no source map to it); server.bundle.js.map
    // leads them back to the TypeScript sources (through tsc's maps), for reading them afterwards.
    sourcemap: 'linked',
    sourcesContent: false,
    logLevel: 'error',
  });
  const source = asciiOnly(readFileSync(outfile, 'utf8'));
  new Script(source, { filename: outfile }); // still valid JavaScript, or the build fails here
  writeFileSync(outfile, source);
}

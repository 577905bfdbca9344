// The API's entry point (`npm start`, the Docker image, the benchmark). `npm run build` also bundles
// server.ts with everything it loads into server.bundle.js (scripts/build.mjs), which this runs with a
// V8 code cache: one file to read instead of ~2,200 modules to resolve, read and compile, and the
// functions start-up needs already compiled (docs/performance.md, start-up). The compiled modules
// run instead when there is no current bundle (`nest start`, a plain `tsc`) and with OpenTelemetry,
// whose instrumentations patch packages as Node's module loader reads them.
// First: libuv's threadpool is started, and its threads noted, before any dependency can start it.
import { startThreadpool } from './threadpool';
const poolThreads = startThreadpool();
import {
  accessSync,
  constants as fs,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { createRequire, Module } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, Script } from 'node:vm';

type Server = typeof import('./server');

const BUNDLE = join(__dirname, 'server.bundle.js');
/** V8's code cache of the bundle, written beside it after the first start (when the directory is writable). */
const CODE_CACHE = `${BUNDLE}.cache`;

function modifiedMs(file: string): number | null {
  try {
    return statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

function readOptional(file: string): Buffer | undefined {
  try {
    return readFileSync(file);
  } catch {
    return undefined;
  }
}

/** The bundle when it is at least as new as the compiled server.js it was made from. */
function useBundle(): boolean {
  // Read before any application module is loaded (AppConfig would load them); server.ts validates
  // the same variable through AppConfig and starts tracing when it is set.
  // eslint-disable-next-line no-restricted-properties
  if (process.env.OTEL_EXPORTER_OTLP_ENDPOINT?.trim()) return false;
  const bundled = modifiedMs(BUNDLE);
  const compiled = modifiedMs(join(__dirname, 'server.js'));
  return bundled !== null && (compiled === null || bundled >= compiled);
}

/**
 * Runs the bundle as a CommonJS module (what `require` would do), compiled with its code cache when
 * V8 accepts it; returns its exports and a function that writes a fresh cache when it had none.
 */
function loadBundle(): { server: Server; saveCodeCache: () => void } {
  let cachedData = readOptional(CODE_CACHE);
  const script = new Script(Module.wrap(readFileSync(BUNDLE, 'utf8')), {
    filename: BUNDLE,
    cachedData,
    importModuleDynamically: constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const cacheUsed = cachedData !== undefined && !script.cachedDataRejected;
  // V8 has read it: no reference is kept, so the next young-generation collection frees its ~5 MB.
  cachedData = undefined;
  const bundle = new Module(BUNDLE, module);
  bundle.filename = BUNDLE;
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(bundle.exports, bundle.exports, createRequire(BUNDLE), bundle, BUNDLE, dirname(BUNDLE));
  bundle.loaded = true;
  const saveCodeCache = () => {
    if (cacheUsed) return;
    // Made once the server listens, so it holds every function start-up compiled. Written to a
    // temporary file and renamed, so a process starting meanwhile reads a whole cache or none.
    const temporary = `${CODE_CACHE}.${process.pid}`;
    try {
      accessSync(dirname(CODE_CACHE), fs.W_OK); // read-only: not worth serialising a cache
      writeFileSync(temporary, script.createCachedData());
      renameSync(temporary, CODE_CACHE);
    } catch {
      // A read-only installation: start-up stays without the cache.
      rmSync(temporary, { force: true });
    }
  };
  return { server: bundle.exports as Server, saveCodeCache };
}

const { server, saveCodeCache } = useBundle()
  ? loadBundle()
  : // eslint-disable-next-line @typescript-eslint/no-require-imports
    { server: require('./server') as Server, saveCodeCache: () => undefined };

server.startServer({ poolThreads }).then(saveCodeCache, (error: unknown) => {
  console.error('FluentPro API failed to start:', error);
  process.exit(1);
});

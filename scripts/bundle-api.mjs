// Bundles the compiled API server (dist/apps/api/src/server.js) and what it loads into one file,
// dist/apps/api/src/server.bundle.js, which dist/apps/api/src/main.js runs (docs/performance.md,
// start-up). Run by scripts/build.mjs after tsc; the rest of dist/ stays as compiled.
import { Parser } from 'acorn';
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

const parse = (source) => Parser.parse(source, { ecmaVersion: 'latest', sourceType: 'script' });

/** Calls visit(node, parent, key) for every node of an acorn tree, parents first. */
function walk(node, visit, parent = null, key = null) {
  visit(node, parent, key);
  for (const [childKey, child] of Object.entries(node)) {
    if (Array.isArray(child)) {
      for (const item of child) if (item && typeof item.type === 'string') walk(item, visit, node, childKey);
    } else if (child && typeof child.type === 'string') walk(child, visit, node, childKey);
  }
}

/**
 * The source with each [start, end, text] range replaced by its text padded with spaces to the range's
 * length, so every position, and the bundle's source map, stays as it was.
 */
function replaceInPlace(source, edits) {
  if (edits.length === 0) return source;
  edits.sort((a, b) => a[0] - b[0]);
  let result = '';
  let at = 0;
  for (const [start, end, text] of edits) {
    if (text.length > end - start) throw new Error(`bundle: '${text}' does not fit in ${start}..${end}`);
    result += source.slice(at, start) + text.padEnd(end - start, ' ');
    at = end;
  }
  return result + source.slice(at);
}

/**
 * The bundle without the `__name(fn, "name")` wrappers that give a function the very name JavaScript
 * already infers for it. esbuild's `keepNames` wraps every named function and class, so that the ones
 * it renames (a decorated class becomes `var AppConfig = class _AppConfig`, colliding names get a
 * suffix) keep their names for Nest, TypeORM and error messages. The wrapper is an
 * `Object.defineProperty` each time the expression runs, and many run per request (Fastify's and
 * Nest's per-request closures): 40% of the liveness probe's CPU time (docs/performance.md). A wrapper
 * is dropped only where the binding it is assigned to has the same name (`const onEnd = __name(() =>
 * ..., "onEnd")`, `{ name: __name(function () {...}, "name") }`), where it wraps a function or class
 * expression of that very name (`return __name(function sign() {...}, "sign")`, which jwa runs for
 * every token), or where it follows a function declaration of that name in the same block
 * (`function f() {} __name(f, "f");`). A renamed binding (`AppConfig = class _AppConfig`, `function
 * toString2`) and a class with a static `name` member keep their wrappers. The removed characters
 * become spaces, so every position, and the source map, stays as it was.
 */
export function unwrapRedundantNames(source) {
  const blanks = [];
  const nameOf = (node) =>
    node?.type === 'Identifier' ? node.name : node?.type === 'Literal' ? String(node.value) : undefined;
  const inferredName = (parent, key) => {
    if (parent.type === 'VariableDeclarator' && key === 'init') return nameOf(parent.id);
    if (parent.type === 'AssignmentExpression' && key === 'right' && parent.operator === '=')
      return parent.left.type === 'Identifier' ? parent.left.name : undefined;
    if ((parent.type === 'Property' || parent.type === 'PropertyDefinition') && key === 'value')
      return parent.computed || parent.kind === 'get' || parent.kind === 'set'
        ? undefined
        : nameOf(parent.key);
    return undefined;
  };
  // A class with a static `name` member: the wrapper overrides it, so it is not redundant.
  const hasStaticName = (classNode) =>
    classNode.body.body.some((member) => member.static && !member.computed && nameOf(member.key) === 'name');
  const isRedundant = (call, parent, key) => {
    if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== '__name')
      return false;
    const [fn, name] = call.arguments;
    if (call.arguments.length !== 2 || name.type !== 'Literal' || typeof name.value !== 'string')
      return false;
    if (!/^(ArrowFunctionExpression|FunctionExpression|ClassExpression)$/.test(fn.type)) return false;
    if (fn.type === 'ClassExpression' && hasStaticName(fn)) return false;
    // A named function or class expression has its own name wherever it stands (jwa's per-call
    // `return __name(function sign(...) {...}, "sign")`).
    if (fn.id) return fn.id.name === name.value;
    return inferredName(parent, key) === name.value;
  };
  // `function f() {}` followed by `__name(f, "f");` in the same statement list.
  const isRedundantStatement = (statement, declared) => {
    const call = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
    if (call?.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== '__name')
      return false;
    const [fn, name] = call.arguments;
    return fn?.type === 'Identifier' && declared.has(fn.name) && name?.value === fn.name;
  };
  walk(parse(source), (node, parent, key) => {
    if (parent && isRedundant(node, parent, key)) {
      // `__name(fn, "x")` becomes `      (fn     )`: the parentheses stay, so the expression stays one
      // wherever it stood (`__name(function g() {}, "g")()` must not become a declaration), and so do
      // those around `fn` itself (`__name((() => 1), "x")`).
      const [, name] = node.arguments;
      blanks.push([node.start, node.callee.end, ''], [source.lastIndexOf(',', name.start), name.end, '']);
    }
    if (Array.isArray(node.body)) {
      const declared = new Set(
        node.body
          .filter((statement) => /^(FunctionDeclaration|ClassDeclaration)$/.test(statement.type))
          .map((statement) => statement.id.name),
      );
      for (const statement of node.body)
        if (isRedundantStatement(statement, declared)) blanks.push([statement.start, statement.end, '']);
    }
  });
  return replaceInPlace(source, blanks);
}

/** esbuild's helpers that run a module wrapped as a one-method object: `__commonJS({ "path"(exports, module) {...} })`. */
const MODULE_WRAPPERS = new Set(['__commonJS', '__esm']);

/**
 * The bundle with every module's wrapper a function instead of an object with one method named by the
 * module's path. V8 keeps the maps of all one-property object literals in one transition tree, whose
 * root takes at most 1,536 transitions; esbuild's `__commonJS({ "node_modules/…/x.js"(exports, module)
 * {...} })` wrappers, one per module (2,300 in this bundle), fill it while the bundle loads. After that,
 * a one-property literal with a key not seen before (pg's `{ text }` for every query) gets a map with
 * no place in the tree: each property added to such an object makes a new map, and the code that reads
 * it misses its inline caches every time (docs/performance.md). The wrapper becomes `(function (exports,
 * module) {...})` in the same characters (`{` and `}` become parentheses, the key `function`), and the
 * helpers call what they are given (`cb[__getOwnPropNames(cb)[0]]` becomes `cb`).
 */
export function moduleWrappersAsFunctions(source) {
  const edits = [];
  const helpers = new Set();
  const called = new Set();
  walk(parse(source), (node) => {
    if (node.type === 'VariableDeclarator' && MODULE_WRAPPERS.has(node.id.name)) {
      // `fn[__getOwnPropNames(fn)[0]]`, the wrapper's one method.
      walk(node.init, (inner) => {
        const name = inner.object?.name;
        const call = inner.property?.object;
        if (
          inner.type === 'MemberExpression' &&
          call?.callee?.name === '__getOwnPropNames' &&
          call.arguments[0]?.name === name
        ) {
          edits.push([inner.start, inner.end, name]);
          helpers.add(node.id.name);
        }
      });
    }
    if (node.type !== 'CallExpression' || !MODULE_WRAPPERS.has(node.callee.name)) return;
    const [wrapper] = node.arguments;
    const [method] = wrapper?.properties ?? [];
    if (
      wrapper?.type !== 'ObjectExpression' ||
      wrapper.properties.length !== 1 ||
      !method.method ||
      method.computed ||
      method.value.async ||
      method.value.generator ||
      method.key.end - wrapper.start < '(function'.length
    )
      throw new Error(`bundle: a ${node.callee.name} wrapper of an unexpected shape at ${node.start}`);
    edits.push([wrapper.start, method.key.end, '(function'], [wrapper.end - 1, wrapper.end, ')']);
    called.add(node.callee.name);
  });
  for (const name of called)
    if (!helpers.has(name))
      throw new Error(`bundle: esbuild's ${name} helper no longer reads its wrapper's one method`);
  return replaceInPlace(source, edits);
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
  const source = asciiOnly(moduleWrappersAsFunctions(unwrapRedundantNames(readFileSync(outfile, 'utf8'))));
  new Script(source, { filename: outfile }); // still valid JavaScript, or the build fails here
  writeFileSync(outfile, source);
}

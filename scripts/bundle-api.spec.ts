import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

/** Runs one of scripts/bundle-api.mjs's rewrites (an ES module) in a child Node process. */
function rewrite(name: 'unwrapRedundantNames' | 'moduleWrappersAsFunctions', source: string): string {
  const script = `
    import { ${name} } from ${JSON.stringify(join(__dirname, 'bundle-api.mjs'))};
    process.stdout.write(${name}(${JSON.stringify(source)}));`;
  return node(['--input-type=module'], script);
}

/** Node run with args, the program on its standard input. */
function node(args: string[], program: string): string {
  const result = spawnSync(process.execPath, [...args, '-'], { input: program, encoding: 'utf8' });
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

const unwrap = (source: string) => rewrite('unwrapRedundantNames', source);

/** The names every function of the fixture ends up with, as esbuild's helper would set them. */
function namesAfterRunning(source: string): Record<string, string> {
  return runInNewContext(`${source}; names();`) as Record<string, string>;
}

const helper = `var __name = (target, value) => Object.defineProperty(target, "name", { value, configurable: true });`;
const fixture = `${helper}
const onEnd = __name(() => 1, "onEnd");
let assigned; assigned = __name(function () {}, "assigned");
const literal = { method: __name(() => 1, "method"), "quoted": __name(function () {}, "quoted") };
class Fields { field = __name(() => 1, "field"); }
function declared() {} __name(declared, "declared");
function toString2() {} __name(toString2, "toString");
var AppConfig = class _AppConfig { static { __name(this, "AppConfig"); } };
const renamed2 = __name(() => 1, "renamed");
const called = __name(function g() { return 1; }, "g")();
__name(function h() {}, "h");
const wrapped = __name(((x) => x), "wrapped");
const made = () => __name(function sign() { return 2; }, "sign");
const unnamed = () => __name(function () { return 3; }, "unnamed");
const Named = __name(class Named { static name() { return "static"; } }, "Named");
function names() {
  return { onEnd: onEnd.name, assigned: assigned.name, method: literal.method.name, quoted: literal.quoted.name,
    field: new Fields().field.name, declared: declared.name, toString2: toString2.name, AppConfig: AppConfig.name,
    renamed2: renamed2.name, called: String(called), made: made().name, unnamed: unnamed().name,
    Named: typeof Named.name, wrapped: wrapped.name };
}`;

describe('bundle-api: unwrapRedundantNames', () => {
  const output = unwrap(fixture);

  it('drops the wrappers that set the name JavaScript infers anyway', () => {
    for (const name of [
      'onEnd',
      'assigned',
      'method',
      'quoted',
      'field',
      'declared',
      'g',
      'h',
      'sign',
      'wrapped',
    ]) {
      expect(output).not.toContain(`"${name}")`);
    }
  });

  it('keeps the wrappers of renamed bindings, of unnamed functions outside an assignment and of a class with a static name', () => {
    expect(output).toContain('__name(toString2, "toString")');
    expect(output).toContain('__name(this, "AppConfig")');
    expect(output).toContain('__name(() => 1, "renamed")');
    expect(output).toContain('__name(function () { return 3; }, "unnamed")');
    expect(output).toContain('"Named")');
  });

  it('leaves every function with the name it had, and every position where it was', () => {
    expect(output).toHaveLength(fixture.length);
    expect(output.split('\n').map((line) => line.length)).toEqual(
      fixture.split('\n').map((line) => line.length),
    );
    expect(namesAfterRunning(output)).toEqual(namesAfterRunning(fixture));
    expect(namesAfterRunning(output)).toMatchObject({
      onEnd: 'onEnd',
      declared: 'declared',
      toString2: 'toString',
      AppConfig: 'AppConfig',
      renamed2: 'renamed',
      called: '1',
      made: 'sign',
      unnamed: 'unnamed',
      Named: 'string',
    });
  });
});

describe('bundle-api: moduleWrappersAsFunctions', () => {
  // esbuild's helpers and wrappers, as it writes them with minifyWhitespace.
  const helpers =
    'var __getOwnPropNames=Object.getOwnPropertyNames;' +
    'var __esm=(fn,res,err)=>function __init(){if(err)throw err[0];try{return fn&&(res=(0,fn[__getOwnPropNames(fn)[0]])(fn=0)),res}catch(e){throw err=[e],e}};' +
    'var __commonJS=(cb,mod)=>function __require(){try{return mod||(0,cb[__getOwnPropNames(cb)[0]])((mod={exports:{}}).exports,mod),mod.exports}catch(e){throw mod=0,e}};';
  const wrapped = (i: number) =>
    `var require_m${i}=__commonJS({"node_modules/m/m${i}.js"(exports2,module2){module2.exports={n:${i}}}});`;
  // pg's per-query config: a one-property literal, then a property added to it.
  const query = `function config(text,values){const c={text};c.values=values;return c}`;

  it('turns each wrapper into a function in the same characters, and the helpers call it', () => {
    const source = `${helpers}${wrapped(1)}var e;var init_e=__esm({"src/e.js"(){e=2}});init_e();${query}
module.exports=[require_m1().n,e,require_m1()===require_m1()];`;
    const output = rewrite('moduleWrappersAsFunctions', source);

    expect(output).toHaveLength(source.length);
    expect(output.split('\n').map((line) => line.length)).toEqual(
      source.split('\n').map((line) => line.length),
    );
    expect(output).not.toContain('__getOwnPropNames(cb)');
    expect(output).not.toContain('__getOwnPropNames(fn)');
    expect(output).toContain('__commonJS((function');
    expect(output).toContain('__esm((function');
    const run = (code: string) => {
      const context = { module: { exports: [] as unknown[] } };
      runInNewContext(code, context);
      return context.module.exports;
    };
    expect(run(output)).toEqual([1, 2, true]);
    expect(run(output)).toEqual(run(source));
  });

  it('keeps V8 able to share the maps of one-property literals after 2,000 modules (pg: a new map per query before)', () => {
    const modules =
      Array.from({ length: 2000 }, (_, i) => wrapped(i)).join('') +
      Array.from({ length: 2000 }, (_, i) => `require_m${i}();`).join('');
    const source = `${helpers}${modules}${query}`;
    // V8's own test of two objects' maps (not JavaScript, so added after the rewrite).
    const check = `;const a=config('a',[1]),b=config('b',[2]);console.log(%HaveSameMap(a,b));`;
    const sameMap = (code: string) => node(['--allow-natives-syntax'], code + check).trim();

    expect(sameMap(source)).toBe('false');
    expect(sameMap(rewrite('moduleWrappersAsFunctions', source))).toBe('true');
  });

  it('fails the build on a wrapper it cannot rewrite in place', () => {
    expect(() => rewrite('moduleWrappersAsFunctions', `${helpers}var r=__commonJS({"a"(){}});`)).toThrow(
      /unexpected shape/,
    );
    expect(() => rewrite('moduleWrappersAsFunctions', `${wrapped(1)}`)).toThrow(/no longer reads/);
  });
});

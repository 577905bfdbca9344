import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';

/** Runs scripts/bundle-api.mjs's unwrapRedundantNames (an ES module) in a child Node process. */
function unwrap(source: string): string {
  const script = `
    import { unwrapRedundantNames } from ${JSON.stringify(join(__dirname, 'bundle-api.mjs'))};
    process.stdout.write(unwrapRedundantNames(${JSON.stringify(source)}));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return result.stdout;
}

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

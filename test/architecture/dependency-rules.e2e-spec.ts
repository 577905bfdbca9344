import { execFile } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..', '..');

/** Plants a file with one forbidden import, runs the project's rule check on it, and removes it. */
async function cruise(relativePath: string, source: string): Promise<{ ok: boolean; output: string }> {
  const file = join(root, relativePath);
  writeFileSync(file, source);
  try {
    const result = await run(
      join(root, 'node_modules/.bin/depcruise'),
      [relativePath, '--config', '.dependency-cruiser.cjs'],
      {
        cwd: root,
      },
    );
    return { ok: true, output: result.stdout };
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    return { ok: false, output: stdout + stderr };
  } finally {
    rmSync(file, { force: true });
  }
}

const tag = `${process.pid}-${Date.now()}`;

describe('Dependency rules (dependency-cruiser)', () => {
  jest.setTimeout(60_000);

  it('passes on the real code base', async () => {
    const { stdout } = await run('npm', ['run', '--silent', 'deps:validate'], { cwd: root });
    expect(stdout).toContain('no dependency violations found');
  });

  it.each([
    [
      'domain-is-pure',
      `libs/authentication/src/domain/violation-${tag}.ts`,
      "import { Injectable } from '@nestjs/common';\nexport const x = Injectable;\n",
    ],
    [
      'domain-is-pure',
      `libs/authentication/src/domain/violation-orm-${tag}.ts`,
      "import { Entity } from 'typeorm';\nexport const x = Entity;\n",
    ],
    [
      'application-knows-no-adapters',
      `libs/authentication/src/application/violation-${tag}.ts`,
      "import { TypeOrmSessionRepository } from '../infrastructure/persistence/typeorm-session.repository';\nexport const x = TypeOrmSessionRepository;\n",
    ],
    [
      'contexts-use-each-others-door',
      `libs/shared/src/violation-${tag}.ts`,
      "import { Session } from '../../authentication/src/domain/session.aggregate';\nexport const x = Session;\n",
    ],
    [
      'apps-use-the-door',
      `apps/api/src/violation-${tag}.ts`,
      "import { Session } from '../../../libs/authentication/src/domain/session.aggregate';\nexport const x = Session;\n",
    ],
  ])('fails when a file breaks %s', async (rule, path, source) => {
    const { ok, output } = await cruise(path, source);
    expect(ok).toBe(false);
    expect(output).toContain(rule);
  });
});

import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { logIn, signUpUser } from '../support/accounts';
import { STRONG_PASSWORD } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';
import { createTestDatabase, TestDatabase } from '../support/test-database';

const root = join(__dirname, '..', '..');
const cli = join(root, 'dist/apps/api/src/cli.js');

/** Runs the built CLI (as `npm run cli --` does) against the suite's database. */
function runCli(
  database: TestDatabase,
  args: string[],
  stdin = '',
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: root,
      env: { PATH: process.env.PATH, LOG_LEVEL: 'warn', ...database.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += String(chunk)));
    child.stderr.on('data', (chunk) => (stderr += String(chunk)));
    child.on('error', reject);
    // 'close', not 'exit': the exit can be reported before the last of the child's output is read.
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

describe('Admin CLI (the built dist/apps/api/src/cli.js)', () => {
  jest.setTimeout(60_000);
  let database: TestDatabase;
  let t: TestApp | undefined;

  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await t?.close();
    await database.drop();
  });

  it('creates an admin on a fresh database (migrating it), who can log in and use the admin API', async () => {
    const created = await runCli(
      database,
      [
        'create-admin',
        '--email',
        'Root@Example.com',
        '--full-name',
        'Grace Hopper',
        '--date-of-birth',
        '1980-12-09',
      ],
      `${STRONG_PASSWORD}\n`,
    );
    expect(created).toEqual({
      code: 0,
      stdout: expect.stringMatching(/^Created admin root@example\.com \(id [0-9a-f-]{36}\)\n$/),
      stderr: '',
    });
    expect(created.stdout).not.toContain(STRONG_PASSWORD);

    t = await createTestApp({}, { database });
    const admin = await logIn(t, 'root@example.com');
    const users = await t.request({ method: 'GET', url: '/api/v1/admin/users/', token: admin.accessToken });
    expect(users.status).toBe(200);
    expect(users.body.items).toEqual([expect.objectContaining({ email: 'root@example.com', role: 'admin' })]);
    const audit = await t.request({
      method: 'GET',
      url: '/api/v1/admin/audit-log/',
      token: admin.accessToken,
    });
    expect(audit.body.items).toContainEqual(
      expect.objectContaining({ action: 'admin.create', actor_type: 'cli', target_id: admin.id }),
    );
  });

  it('refuses a weak password, a bad date and a taken email with exit code 1, creating nothing', async () => {
    const weak = await runCli(
      database,
      ['create-admin', '--email', 'weak@example.com', '--full-name', 'W', '--date-of-birth', '2999-01-01'],
      'password\n',
    );
    expect(weak.code).toBe(1);
    expect(weak.stderr).toContain('password: Password must contain at least one uppercase letter');
    expect(weak.stderr).toContain('full_name: Full name must be between 2 and 50 characters.');
    expect(weak.stderr).toContain('date_of_birth: Date of birth cannot be in the future.');
    expect(weak.stderr).not.toContain('password\n');
    const taken = await runCli(
      database,
      [
        'create-admin',
        '--email',
        'root@example.com',
        '--full-name',
        'Someone Else',
        '--date-of-birth',
        '1980-01-01',
      ],
      `${STRONG_PASSWORD}\n`,
    );
    expect(taken).toMatchObject({ code: 1, stderr: 'A user with this email already exists\n' });
    const login = await t!.request({
      method: 'POST',
      url: '/api/v1/auth/login/',
      body: { email: 'weak@example.com', password: 'password' },
    });
    expect(login.status).toBe(401);
  });

  it('promotes an existing user (who then reaches the admin API) and demotes them again', async () => {
    const user = await signUpUser(t!);
    const adminRoute = () =>
      t!.request({ method: 'GET', url: '/api/v1/admin/users/', token: user.accessToken });
    expect((await adminRoute()).status).toBe(403);

    expect(await runCli(database, ['promote', '--email', user.email.toUpperCase()])).toEqual({
      code: 0,
      stdout: `${user.email} is now an admin\n`,
      stderr: '',
    });
    expect((await adminRoute()).status).toBe(200);
    expect((await runCli(database, ['promote', '--email', user.email])).stdout).toBe(
      `${user.email} already has the admin role\n`,
    );

    // The whole result, so that a failure shows the CLI's stderr.
    expect(await runCli(database, ['demote', '--email', user.email])).toEqual({
      code: 0,
      stdout: `${user.email} is no longer an admin\n`,
      stderr: '',
    });
    expect((await adminRoute()).status).toBe(403);
  });

  it('answers an unknown email with exit code 1 and bad usage with exit code 2', async () => {
    expect(await runCli(database, ['promote', '--email', 'nobody@example.com'])).toEqual({
      code: 1,
      stdout: '',
      stderr: 'No user has this id or email\n',
    });
    const usage = await runCli(database, ['promote', '--password', 'secret']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('Usage: npm run cli -- <command> [options]');
    expect((await runCli(database, ['create-admin', '--email', 'x@example.com'])).code).toBe(2);
  });
});

import { randomUUID } from 'node:crypto';
import { ChangeAdminRoleHandler, CLI_REQUEST, CreateAdminHandler } from '@fluentpro/administration';
import { logIn, signUpUser } from '../support/accounts';
import { STRONG_PASSWORD } from '../support/factories';
import { createTestAppIn } from '../support/identity-modes';
import type { TestApp } from '../support/test-app';
import { openSocket, TestSocket } from '../support/ws-client';

/** Sessions, roles, the admin API and /ws with IDENTITY_PROVIDER=auth0 (a local fake tenant). */
describe('Sessions, administration and realtime in the Auth0 mode', () => {
  jest.setTimeout(30_000);
  let t: TestApp;
  let ws: string;
  const sockets: TestSocket[] = [];

  beforeAll(async () => {
    ({ t } = await createTestAppIn(
      { auth0: true },
      { REALTIME_REDIS_CHANNEL_PREFIX: `test-${randomUUID()}:`, REALTIME_HEARTBEAT_INTERVAL_MS: '60000' },
    ));
    ws = (await t.listen()).ws;
  });
  afterEach(async () => {
    await Promise.all(sockets.splice(0).map((socket) => socket.close()));
  });
  afterAll(() => t.close());

  it('authenticates a socket with an Auth0 access token and closes it with 4409 on logout', async () => {
    const user = await signUpUser(t);
    const socket = openSocket(ws, { protocols: ['bearer', user.accessToken] });
    sockets.push(socket);
    expect((await socket.next('ready')).data.user_id).toBe(user.id);
    await t.request({
      method: 'POST',
      url: '/api/v1/auth/logout/',
      token: user.accessToken,
      body: { refresh_token: user.refreshToken },
    });
    expect((await socket.next('session.revoked')).data.reason).toBe('logout');
    expect(await socket.closed).toEqual({ code: 4409, reason: 'Session revoked' });
  });

  it('lists and ends sessions; the password change is refused (Auth0 holds the password)', async () => {
    const user = await signUpUser(t);
    const other = await logIn(t, user.email);
    const listed = await t.request({ method: 'GET', url: '/api/v1/auth/sessions/', token: user.accessToken });
    expect(listed.body.sessions.map((s: { id: string }) => s.id).sort()).toEqual(
      [user.sessionId, other.sessionId].sort(),
    );
    const password = await t.request({
      method: 'POST',
      url: '/api/v1/auth/password/',
      token: user.accessToken,
      body: { current_password: STRONG_PASSWORD, new_password: 'N3w!Passw0rd' },
    });
    expect(password.status).toBe(409);
    expect(password.body.error).toBe('Password managed elsewhere');
    const ended = await t.request({
      method: 'DELETE',
      url: `/api/v1/auth/sessions/${other.sessionId}/`,
      token: user.accessToken,
    });
    expect(ended.status).toBe(200);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/auth/profile/', token: other.accessToken })).status,
    ).toBe(401);
  });

  it('refuses create-admin but promotes a signed-up user, who can then deactivate others', async () => {
    await expect(
      t.app.get(CreateAdminHandler).execute(CLI_REQUEST, {
        email: `admin-${randomUUID()}@example.com`,
        fullName: 'Ada Admin',
        dateOfBirth: '1985-05-05',
        password: STRONG_PASSWORD,
      }),
    ).rejects.toMatchObject({ code: 'AUTH.ADMIN_CREATION_UNSUPPORTED' });

    const admin = await signUpUser(t);
    await t.app.get(ChangeAdminRoleHandler).execute(CLI_REQUEST, admin.email, true);
    const user = await signUpUser(t);
    const deactivated = await t.request({
      method: 'POST',
      url: `/api/v1/admin/users/${user.id}/deactivate/`,
      token: admin.accessToken,
      body: {},
    });
    expect(deactivated.status).toBe(200);
    expect(deactivated.body.sessions_revoked).toBe(1);
    expect(
      (await t.request({ method: 'GET', url: '/api/v1/auth/profile/', token: user.accessToken })).status,
    ).toBe(401);
    const login = await t.request({
      method: 'POST',
      url: '/api/v1/auth/login/',
      body: { email: user.email, password: STRONG_PASSWORD },
    });
    expect(login.status).toBe(403);
    expect(login.body.error).toBe('Account deactivated');
  });
});

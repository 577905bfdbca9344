import { logIn, signUpUser } from '../support/accounts';
import { STRONG_PASSWORD } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const NEW_PASSWORD = 'N3w!Passw0rd';

describe('Sessions of the signed-in user', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const sessions = (token: string) => t.request({ method: 'GET', url: '/api/v1/auth/sessions/', token });
  const profile = (token: string) => t.request({ method: 'GET', url: '/api/v1/auth/profile/', token });
  const refresh = (refresh_token: string) =>
    t.request({ method: 'POST', url: '/api/v1/auth/refresh/', body: { refresh_token } });

  describe('GET sessions/', () => {
    it('lists active sessions with device, times and the current flag, most recently used first', async () => {
      const user = await signUpUser(t);
      const phone = await logIn(t, user.email, { userAgent: 'FluentPro/2.1 (iPhone; iOS 17.4)' });
      const response = await sessions(user.accessToken);
      expect(response.status).toBe(200);
      expect(response.body.sessions).toEqual([
        {
          id: phone.sessionId,
          user_agent: 'FluentPro/2.1 (iPhone; iOS 17.4)',
          ip_address: expect.any(String),
          created_at: expect.any(String),
          last_used_at: expect.any(String),
          expires_at: expect.any(String),
          current: false,
        },
        expect.objectContaining({ id: user.sessionId, current: true }),
      ]);
      const fromPhone = await sessions(phone.accessToken);
      expect(fromPhone.body.sessions.map((s: { current: boolean }) => s.current)).toEqual([true, false]);
    });

    it('moves last_used_at on refresh', async () => {
      const user = await signUpUser(t);
      const before = (await sessions(user.accessToken)).body.sessions[0];
      await new Promise((resolve) => setTimeout(resolve, 20));
      const rotated = await refresh(user.refreshToken);
      const after = (await sessions(rotated.body.access_token)).body.sessions[0];
      expect(after.id).toBe(before.id);
      expect(after.created_at).toBe(before.created_at);
      expect(Date.parse(after.last_used_at)).toBeGreaterThan(Date.parse(before.last_used_at));
    });

    it('requires a token', async () => {
      expect((await t.request({ method: 'GET', url: '/api/v1/auth/sessions' })).status).toBe(401);
    });
  });

  describe('DELETE sessions/{id}/', () => {
    it("ends one of the caller's sessions: its tokens stop working, the others keep working", async () => {
      const user = await signUpUser(t);
      const other = await logIn(t, user.email);
      const response = await t.request({
        method: 'DELETE',
        url: `/api/v1/auth/sessions/${other.sessionId}/`,
        token: user.accessToken,
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ message: 'Session revoked' });
      expect((await profile(other.accessToken)).status).toBe(401);
      expect((await refresh(other.refreshToken)).status).toBe(401);
      expect((await profile(user.accessToken)).status).toBe(200);
      expect((await sessions(user.accessToken)).body.sessions.map((s: { id: string }) => s.id)).toEqual([
        user.sessionId,
      ]);
    });

    it("answers 404 for another user's session, an ended one, an unknown id or a non-UUID, changing nothing", async () => {
      const user = await signUpUser(t);
      const stranger = await signUpUser(t);
      const ended = await logIn(t, user.email);
      await t.request({
        method: 'DELETE',
        url: `/api/v1/auth/sessions/${ended.sessionId}`,
        token: user.accessToken,
      });
      for (const id of [
        stranger.sessionId,
        ended.sessionId,
        '00000000-0000-4000-8000-000000000000',
        'nope',
      ]) {
        const response = await t.request({
          method: 'DELETE',
          url: `/api/v1/auth/sessions/${id}/`,
          token: user.accessToken,
        });
        expect({ id, status: response.status }).toEqual({ id, status: 404 });
        expect(response.body).toEqual({
          error: 'Session not found',
          message: 'No active session with this id belongs to this account',
          request_id: expect.any(String),
        });
      }
      expect((await profile(stranger.accessToken)).status).toBe(200);
    });

    it('can end the caller’s own session', async () => {
      const user = await signUpUser(t);
      const response = await t.request({
        method: 'DELETE',
        url: `/api/v1/auth/sessions/${user.sessionId}/`,
        token: user.accessToken,
      });
      expect(response.status).toBe(200);
      expect((await profile(user.accessToken)).status).toBe(401);
    });
  });

  describe('POST logout-all/', () => {
    it('ends every session of the caller, this one included, and no one else’s', async () => {
      const user = await signUpUser(t);
      const second = await logIn(t, user.email);
      const third = await logIn(t, user.email);
      const bystander = await signUpUser(t);
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/auth/logout-all/',
        token: second.accessToken,
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ message: 'Logged out of every session', sessions_revoked: 3 });
      for (const session of [user, second, third]) {
        expect((await profile(session.accessToken)).status).toBe(401);
        expect((await refresh(session.refreshToken)).status).toBe(401);
      }
      expect((await profile(bystander.accessToken)).status).toBe(200);
      // Logging in again works.
      await logIn(t, user.email);
    });
  });

  describe('POST password/', () => {
    const changePassword = (token: string, body: unknown) =>
      t.request({ method: 'POST', url: '/api/v1/auth/password/', token, body });

    it('changes the password and ends every other session, keeping the caller’s', async () => {
      const user = await signUpUser(t);
      const other = await logIn(t, user.email);
      const response = await changePassword(user.accessToken, {
        current_password: STRONG_PASSWORD,
        new_password: NEW_PASSWORD,
      });
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ message: 'Password changed', sessions_revoked: 1 });
      expect((await profile(user.accessToken)).status).toBe(200);
      expect((await refresh(user.refreshToken)).status).toBe(200);
      expect((await profile(other.accessToken)).status).toBe(401);
      const oldLogin = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login/',
        body: { email: user.email, password: STRONG_PASSWORD },
      });
      expect(oldLogin.status).toBe(401);
      await logIn(t, user.email, { password: NEW_PASSWORD });
    });

    it('refuses a wrong current password with 400 and changes nothing', async () => {
      const user = await signUpUser(t);
      const other = await logIn(t, user.email);
      const response = await changePassword(user.accessToken, {
        current_password: 'Wr0ng!Password',
        new_password: NEW_PASSWORD,
      });
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: 'Validation failed',
        details: { current_password: ['Current password is incorrect.'] },
        request_id: expect.any(String),
      });
      expect((await profile(other.accessToken)).status).toBe(200);
      await logIn(t, user.email);
    });

    it('applies the sign-up policy to the new password and reports every field at once', async () => {
      const user = await signUpUser(t);
      const weak = await changePassword(user.accessToken, { new_password: 'short' });
      expect(weak.status).toBe(400);
      expect(weak.body.details).toEqual({
        current_password: ['This field is required.'],
        new_password: expect.arrayContaining([
          'Password must be at least 8 characters long',
          'Password must contain at least one uppercase letter',
        ]),
      });
      const same = await changePassword(user.accessToken, {
        current_password: STRONG_PASSWORD,
        new_password: STRONG_PASSWORD,
      });
      expect(same.status).toBe(400);
      expect(same.body.details).toEqual({
        new_password: ['New password must be different from the current password.'],
      });
      await logIn(t, user.email);
    });

    it('counts wrong current passwords towards the account lockout', async () => {
      const user = await signUpUser(t);
      for (let i = 0; i < 5; i += 1) {
        const response = await changePassword(user.accessToken, {
          current_password: `Wr0ng!Password${i}`,
          new_password: NEW_PASSWORD,
        });
        expect(response.status).toBe(400);
      }
      const locked = await changePassword(user.accessToken, {
        current_password: STRONG_PASSWORD,
        new_password: NEW_PASSWORD,
      });
      expect(locked.status).toBe(429);
      expect(locked.headers['retry-after']).toBeDefined();
    });

    it('requires a token', async () => {
      const response = await t.request({
        method: 'POST',
        url: '/api/v1/auth/password/',
        body: { current_password: STRONG_PASSWORD, new_password: NEW_PASSWORD },
      });
      expect(response.status).toBe(401);
    });
  });
});

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CLI_REQUEST, ChangeAdminRoleHandler } from '@fluentpro/administration';
import { DeadLetterRecord, OutboxMessageRecord } from '@fluentpro/shared';
import { createAdmin, logIn, signUpUser, TestUser } from '../support/accounts';
import { signUpBody, STRONG_PASSWORD } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

const FORBIDDEN = {
  error: 'Forbidden',
  message: 'This action requires the admin role',
  request_id: expect.any(String),
};

describe('Admin API /api/v1/admin/', () => {
  let t: TestApp;
  let admin: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    admin = await createAdmin(t);
  });
  afterAll(() => t.close());

  const get = (url: string, token = admin.accessToken) => t.request({ method: 'GET', url, token });
  const answer = async (user: TestUser, path: string, body: unknown) => {
    const response = await t.request({
      method: 'PUT',
      url: `/api/v1/onboarding/${path}`,
      token: user.accessToken,
      body,
    });
    expect({ path, status: response.status }).toEqual({ path, status: 200 });
  };
  const auditRows = async (query: string) =>
    (await get(`/api/v1/admin/audit-log/?${query}`)).body.items as Record<string, unknown>[];

  /** Every admin route of the OpenAPI document, with sample path parameters. */
  async function adminRoutes(): Promise<{ method: 'GET' | 'POST' | 'DELETE'; url: string }[]> {
    const document = (await t.request({ method: 'GET', url: '/api/docs-json' })).body as {
      paths: Record<string, Record<string, unknown>>;
    };
    return Object.entries(document.paths)
      .filter(([path]) => path.startsWith('/api/v1/admin/'))
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => ({
          method: method.toUpperCase() as 'GET' | 'POST' | 'DELETE',
          url: path.replace(/\{[^}]+\}/g, randomUUID()),
        })),
      );
  }

  describe('access', () => {
    it('answers 403 to a non-admin and 401 without a token on every admin route', async () => {
      const user = await signUpUser(t);
      const routes = await adminRoutes();
      expect(routes.length).toBeGreaterThanOrEqual(10);
      for (const route of routes) {
        const asUser = await t.request({ ...route, token: user.accessToken, body: {} });
        expect({ ...route, status: asUser.status }).toEqual({ ...route, status: 403 });
        expect(asUser.body).toEqual(FORBIDDEN);
        const anonymous = await t.request({ ...route, body: {} });
        expect({ ...route, status: anonymous.status }).toEqual({ ...route, status: 401 });
      }
      // Refusals are not admin actions: nothing was written to the audit log.
      expect(await auditRows(`actor_id=${user.id}`)).toEqual([]);
    });

    it('documents every admin route with the bearer scheme in the OpenAPI console', async () => {
      const document = (await t.request({ method: 'GET', url: '/api/docs-json' })).body;
      const operations = Object.entries(
        document.paths as Record<string, Record<string, { security?: unknown }>>,
      )
        .filter(([path]) => path.startsWith('/api/v1/admin/'))
        .flatMap(([, ops]) => Object.values(ops));
      for (const operation of operations) expect(operation.security).toEqual([{ bearer: [] }]);
      expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
    });

    it('takes effect at once when the role is withdrawn', async () => {
      const other = await createAdmin(t);
      expect((await get('/api/v1/admin/users/', other.accessToken)).status).toBe(200);
      await t.app.get(ChangeAdminRoleHandler).execute(CLI_REQUEST, other.email, false);
      expect((await get('/api/v1/admin/users/', other.accessToken)).status).toBe(403);
    });
  });

  describe('the role cannot be escalated through any body', () => {
    it('ignores role fields in sign-up, profile and password bodies', async () => {
      const signUp = await t.request({
        method: 'POST',
        url: '/api/v1/auth/signup/',
        body: signUpBody({ role: 'admin', is_admin: true, roles: ['admin'], deactivated_at: null }),
      });
      expect(signUp.status).toBe(201);
      expect(signUp.body.user).not.toHaveProperty('role');
      const token = signUp.body.access_token as string;
      const userId = signUp.body.user.id as string;
      const attempts = [
        {
          method: 'PATCH' as const,
          url: '/api/v1/auth/profile/',
          body: { full_name: 'Eve Mallory', role: 'admin' },
        },
        {
          method: 'POST' as const,
          url: '/api/v1/auth/password/',
          body: { current_password: STRONG_PASSWORD, new_password: 'N3w!Passw0rd', role: 'admin' },
        },
      ];
      for (const attempt of attempts) {
        const response = await t.request({ ...attempt, token });
        expect({ url: attempt.url, status: response.status }).toEqual({ url: attempt.url, status: 200 });
        expect(response.body).not.toHaveProperty('role');
      }
      expect((await get('/api/v1/admin/users/', token)).status).toBe(403);
      const seen = await get(`/api/v1/admin/users/${userId}/`);
      expect(seen.body.user).toMatchObject({ full_name: 'Eve Mallory', role: 'user', is_active: true });
    });
  });

  describe('users', () => {
    it('lists newest first with pagination and searches email and name, case-insensitively', async () => {
      const tag = randomUUID().slice(0, 8);
      const created: TestUser[] = [];
      for (const name of ['Anna Smith', 'Bert Smith', 'Carl Jones']) {
        created.push(
          await signUpUser(t, { full_name: name, email: `${tag}-${name.split(' ')[0]}@example.com` }),
        );
      }
      const page1 = await get(`/api/v1/admin/users/?search=${tag.toUpperCase()}&page_size=2`);
      expect(page1.status).toBe(200);
      expect(page1.body).toMatchObject({ page: 1, page_size: 2, total: 3 });
      expect(page1.body.items.map((u: { email: string }) => u.email)).toEqual([
        `${tag}-carl@example.com`,
        `${tag}-bert@example.com`,
      ]);
      expect(page1.body.items[0]).toEqual({
        id: created[2].id,
        full_name: 'Carl Jones',
        email: `${tag}-carl@example.com`,
        date_of_birth: '1990-01-15',
        role: 'user',
        is_active: true,
        deactivated_at: null,
        created_at: expect.any(String),
        updated_at: expect.any(String),
      });
      const page2 = await get(`/api/v1/admin/users?search=${tag}&page_size=2&page=2`);
      expect(page2.body.items.map((u: { email: string }) => u.email)).toEqual([`${tag}-anna@example.com`]);
      const byName = await get(`/api/v1/admin/users/?search=${encodeURIComponent('bert smi')}`);
      expect(byName.body.items.map((u: { id: string }) => u.id)).toContain(created[1].id);
      const admins = await get('/api/v1/admin/users/?role=admin');
      expect(admins.body.items.every((u: { role: string }) => u.role === 'admin')).toBe(true);
      expect(admins.body.items.map((u: { id: string }) => u.id)).toContain(admin.id);
    });

    it('treats % and _ in a search as plain characters', async () => {
      const response = await get('/api/v1/admin/users/?search=%25');
      expect(response.status).toBe(200);
      expect(response.body.total).toBe(0);
    });

    it('answers 400 for bad paging and filter values, naming each', async () => {
      const response = await get('/api/v1/admin/users/?page=0&page_size=500&role=root&status=sleeping');
      expect(response.status).toBe(400);
      expect(response.body).toEqual({
        error: 'Validation failed',
        details: {
          page: ['Must be at least 1.'],
          page_size: ['Must be at most 100.'],
          role: ['Must be one of: user, admin.'],
          status: ['Must be one of: active, deactivated.'],
        },
        request_id: expect.any(String),
      });
    });

    it('shows one user with active sessions and onboarding state, 404 for unknown ids', async () => {
      const user = await signUpUser(t);
      const phone = await logIn(t, user.email, { userAgent: 'FluentPro Android' });
      await answer(user, 'native-language/', { native_language: 'english' });
      await answer(user, 'industry/', { industry: 'real_estate' });
      const response = await get(`/api/v1/admin/users/${user.id}/`);
      expect(response.status).toBe(200);
      expect(response.body.user.id).toBe(user.id);
      expect(response.body.onboarding).toEqual({
        current_step: 'role',
        completed_steps: ['native_language', 'industry'],
        progress_percentage: 33,
        is_complete: false,
        updated_at: expect.any(String),
        learning_plan_status: 'none',
      });
      expect(response.body.sessions).toHaveLength(2);
      expect(response.body.sessions[0]).toMatchObject({
        id: phone.sessionId,
        user_agent: 'FluentPro Android',
      });
      for (const id of [randomUUID(), 'not-a-uuid']) {
        const missing = await get(`/api/v1/admin/users/${id}/`);
        expect(missing.status).toBe(404);
        expect(missing.body).toEqual({
          error: 'User not found',
          message: 'No user has this id or email',
          request_id: expect.any(String),
        });
      }
    });

    it('deactivates: sessions end, login and refresh are refused; reactivation lets the user log in again', async () => {
      const user = await signUpUser(t);
      const second = await logIn(t, user.email);
      const deactivated = await t.request({
        method: 'POST',
        url: `/api/v1/admin/users/${user.id}/deactivate/`,
        token: admin.accessToken,
        body: { reason: 'Abuse report #42' },
        headers: { 'x-request-id': 'req-deactivate-1' },
      });
      expect(deactivated.status).toBe(200);
      expect(deactivated.body).toMatchObject({
        user: { id: user.id, is_active: false, deactivated_at: expect.any(String) },
        sessions_revoked: 2,
      });
      for (const session of [user, second]) {
        expect((await get('/api/v1/auth/profile/', session.accessToken)).status).toBe(401);
        const refreshed = await t.request({
          method: 'POST',
          url: '/api/v1/auth/refresh/',
          body: { refresh_token: session.refreshToken },
        });
        expect(refreshed.status).toBe(401);
      }
      const login = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login/',
        body: { email: user.email, password: STRONG_PASSWORD },
      });
      expect(login.status).toBe(403);
      expect(login.body).toEqual({
        error: 'Account deactivated',
        message: 'This account has been deactivated',
        request_id: expect.any(String),
      });
      // A wrong password still gets the ordinary answer: deactivation is told only to the owner.
      const guess = await t.request({
        method: 'POST',
        url: '/api/v1/auth/login/',
        body: { email: user.email, password: 'Wr0ng!Password' },
      });
      expect(guess.status).toBe(401);
      const listed = await get('/api/v1/admin/users/?status=deactivated');
      expect(listed.body.items.map((u: { id: string }) => u.id)).toContain(user.id);

      const reactivated = await t.request({
        method: 'POST',
        url: `/api/v1/admin/users/${user.id}/reactivate/`,
        token: admin.accessToken,
      });
      expect(reactivated.status).toBe(200);
      expect(reactivated.body).toMatchObject({ id: user.id, is_active: true, deactivated_at: null });
      await logIn(t, user.email);

      const [entry] = await auditRows(`target_id=${user.id}&action=user.deactivate`);
      expect(entry).toEqual({
        id: expect.any(Number),
        occurred_at: expect.any(String),
        actor_type: 'admin',
        actor_id: admin.id,
        action: 'user.deactivate',
        target_type: 'user',
        target_id: user.id,
        request_id: 'req-deactivate-1',
        details: { reason: 'Abuse report #42', sessions_revoked: 2 },
      });
    });

    it('refuses to deactivate the calling admin (409) and an unknown user (404), writing no audit row', async () => {
      const self = await t.request({
        method: 'POST',
        url: `/api/v1/admin/users/${admin.id}/deactivate/`,
        token: admin.accessToken,
        body: {},
      });
      expect(self.status).toBe(409);
      expect((await get('/api/v1/auth/profile/')).status).toBe(200);
      const unknown = randomUUID();
      const missing = await t.request({
        method: 'POST',
        url: `/api/v1/admin/users/${unknown}/deactivate/`,
        token: admin.accessToken,
        body: {},
      });
      expect(missing.status).toBe(404);
      expect(await auditRows(`target_id=${unknown}`)).toEqual([]);
      expect(await auditRows(`target_id=${admin.id}&action=user.deactivate`)).toEqual([]);
    });

    it('revokes one session or all sessions of a user', async () => {
      const user = await signUpUser(t);
      const second = await logIn(t, user.email);
      const third = await logIn(t, user.email);
      const one = await t.request({
        method: 'DELETE',
        url: `/api/v1/admin/users/${user.id}/sessions/${second.sessionId}/`,
        token: admin.accessToken,
      });
      expect(one.status).toBe(200);
      expect((await get('/api/v1/auth/profile/', second.accessToken)).status).toBe(401);
      expect((await get('/api/v1/auth/profile/', user.accessToken)).status).toBe(200);
      const again = await t.request({
        method: 'DELETE',
        url: `/api/v1/admin/users/${user.id}/sessions/${second.sessionId}/`,
        token: admin.accessToken,
      });
      expect(again.status).toBe(404);
      const all = await t.request({
        method: 'DELETE',
        url: `/api/v1/admin/users/${user.id}/sessions/`,
        token: admin.accessToken,
      });
      expect(all.body).toEqual({ message: 'Sessions revoked', sessions_revoked: 2 });
      for (const session of [user, third])
        expect((await get('/api/v1/auth/profile/', session.accessToken)).status).toBe(401);
      // The account stays active.
      await logIn(t, user.email);
      const actions = (await auditRows(`actor_id=${admin.id}`)).map((row) => row.action);
      expect(actions).toEqual(expect.arrayContaining(['user.session.revoke', 'user.sessions.revoke-all']));
    });
  });

  describe('operations', () => {
    it('reports the onboarding funnel: how many users reached each step, out of all users', async () => {
      const funnel = async () => (await get('/api/v1/admin/onboarding/funnel/')).body;
      const reached = (body: { steps: { step: string; users: number }[] }) =>
        Object.fromEntries(body.steps.map(({ step, users }) => [step, users]));
      const before = await funnel();
      expect(before.steps.map((s: { step: string }) => s.step)).toEqual([
        'native_language',
        'industry',
        'role',
        'communication_partners',
        'situations',
        'learning_preferences',
        'completed',
      ]);
      const first = await signUpUser(t);
      const second = await signUpUser(t);
      await answer(first, 'native-language/', { native_language: 'english' });
      await answer(second, 'native-language/', { native_language: 'chinese_simplified' });
      await answer(second, 'industry/', { industry: 'banking_finance' });
      await answer(second, 'role/', { role_id: 'credit_analyst' });
      await answer(second, 'communication-partners/', { partner_ids: ['clients', 'colleagues'] });
      await answer(second, 'communication-partners/clients/situations/', { situation_ids: ['negotiations'] });
      const after = await funnel();
      const delta = Object.fromEntries(
        Object.entries(reached(after)).map(([step, users]) => [step, users - reached(before)[step]]),
      );
      // Situations count only once every chosen partner has one (colleagues has none yet).
      expect(delta).toEqual({
        native_language: 2,
        industry: 1,
        role: 1,
        communication_partners: 1,
        situations: 0,
        learning_preferences: 0,
        completed: 0,
      });
      expect(after.total_users).toBe(before.total_users + 2);
      const native = after.steps[0];
      expect(native.percentage).toBe(Math.round((native.users / after.total_users) * 1000) / 10);
    });

    it('lists no dead-lettered jobs and answers 404 to a replay of an unknown id', async () => {
      expect((await get('/api/v1/admin/dead-letters/')).body).toEqual({
        items: [],
        page: 1,
        page_size: 20,
        total: 0,
      });
      const replay = await t.request({
        method: 'POST',
        url: `/api/v1/admin/dead-letters/${randomUUID()}/replay/`,
        token: admin.accessToken,
      });
      expect(replay.status).toBe(404);
      expect(replay.body).toEqual({
        error: 'Job not found',
        message: 'No dead-lettered job has this id',
        request_id: expect.any(String),
      });
    });

    it('lists a dead-lettered job and replays it: the event is back in the outbox, the letter gone', async () => {
      const dataSource = t.app.get(DataSource);
      const eventId = randomUUID();
      const letterId = randomUUID();
      const failedAt = new Date('2026-12-01T10:00:00.000Z');
      const type = 'test.never-handled.v1';
      await dataSource.getRepository(DeadLetterRecord).insert({
        id: letterId,
        eventId,
        eventType: type,
        handler: 'test.handler',
        envelope: { id: eventId, type, occurredAt: failedAt.toISOString(), correlationId: null, payload: {} },
        error: 'Error: boom',
        attempts: 5,
        failedAt,
      });
      const listed = await get('/api/v1/admin/dead-letters/');
      const job = {
        id: letterId,
        queue: expect.any(String),
        event_type: type,
        attempts: 5,
        last_error: 'Error: boom',
        failed_at: failedAt.toISOString(),
      };
      expect(listed.body).toEqual({ items: [job], page: 1, page_size: 20, total: 1 });

      const replay = await t.request({
        method: 'POST',
        url: `/api/v1/admin/dead-letters/${letterId}/replay/`,
        token: admin.accessToken,
      });
      expect(replay.status).toBe(200);
      expect(replay.body).toEqual(job);
      expect((await get('/api/v1/admin/dead-letters/')).body.total).toBe(0);
      // Its outbox row had been purged: written again from the stored envelope, for the relay.
      const rows = await dataSource.getRepository(OutboxMessageRecord).findBy({ eventId });
      expect(rows.map((row) => [row.eventType, row.attempts])).toEqual([[type, 0]]);
      const again = await t.request({
        method: 'POST',
        url: `/api/v1/admin/dead-letters/${letterId}/replay/`,
        token: admin.accessToken,
      });
      expect(again.status).toBe(404);
    });
  });

  describe('audit log', () => {
    it('records each admin action with who, what, target, when and request id, newest first', async () => {
      const user = await signUpUser(t);
      const requestId = `req-${randomUUID()}`;
      await t.request({
        method: 'GET',
        url: `/api/v1/admin/users/${user.id}/`,
        token: admin.accessToken,
        headers: { 'x-request-id': requestId },
      });
      await get('/api/v1/admin/users/?search=someone');
      await get('/api/v1/admin/onboarding/funnel/');
      await get('/api/v1/admin/dead-letters/');
      const rows = await auditRows(`actor_id=${admin.id}&page_size=4`);
      expect(rows.map((row) => row.action)).toEqual([
        'dead-letters.list',
        'onboarding.funnel.view',
        'users.search',
        'user.view',
      ]);
      expect(rows[3]).toMatchObject({
        actor_type: 'admin',
        actor_id: admin.id,
        target_type: 'user',
        target_id: user.id,
        request_id: requestId,
      });
      expect(rows[2].details).toMatchObject({ text: 'someone', page: 1 });
      expect(Date.parse(rows[0].occurred_at as string)).toBeGreaterThanOrEqual(
        Date.parse(rows[3].occurred_at as string),
      );
    });

    it('records the CLI’s actions with actor_type cli', async () => {
      const rows = await auditRows(`target_id=${admin.id}`);
      expect(rows).toContainEqual(
        expect.objectContaining({
          action: 'admin.create',
          actor_type: 'cli',
          actor_id: null,
          request_id: null,
        }),
      );
    });

    it('pages and filters, and refuses bad filters with 400', async () => {
      const page = await get('/api/v1/admin/audit-log/?page_size=2');
      expect(page.body.items).toHaveLength(2);
      expect(page.body.total).toBeGreaterThan(2);
      expect(page.body.items[0].id).toBeGreaterThan(page.body.items[1].id);
      const bad = await get('/api/v1/admin/audit-log/?actor_id=bob&action=drop-tables');
      expect(bad.status).toBe(400);
      expect(Object.keys(bad.body.details)).toEqual(['actor_id', 'action']);
    });
  });
});

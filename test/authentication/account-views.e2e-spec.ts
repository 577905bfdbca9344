import { AccountViews } from '../../libs/authentication/src/application/ports/account-views';
import { signUpBody } from '../support/factories';
import { createTestApp, TestApp } from '../support/test-app';

// The read side of GET /profile on the configured database: the stored view, or null for an id with
// no account (which the handler turns into a 401; the guard refuses such tokens first in practice).
describe('AccountViews (TypeORM)', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await createTestApp();
  });

  afterAll(async () => {
    await t?.close();
  });

  it('reads the profile view of an account, and null for an id with none', async () => {
    const signUp = await t.request({ method: 'POST', url: '/api/v1/auth/signup/', body: signUpBody() });
    const views = t.app.get(AccountViews, { strict: false });
    const profile = await views.profile(signUp.body.user.id);
    expect(profile).toEqual({
      ...signUp.body.user,
      created_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
      updated_at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/),
    });
    await expect(views.profile('00000000-0000-4000-8000-000000000000')).resolves.toBeNull();
  });
});

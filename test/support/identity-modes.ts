import { FakeAuth0 } from './fake-auth0';
import { createTestApp, TestApp } from './test-app';

/** The identity modes client apps must not be able to tell apart; contract suites run in each. */
export const IDENTITY_MODES = [
  { name: 'self-hosted identity', auth0: false },
  { name: 'IDENTITY_PROVIDER=auth0', auth0: true },
];

/**
 * The API in one identity mode. In the Auth0 mode it is pointed at a local fake tenant set up as
 * docs/identity/auth0.md asks (RFC 9068 token profile, rotation on); closing the app closes it too.
 */
export async function createTestAppIn(
  mode: { auth0: boolean },
  env: Record<string, string> = {},
): Promise<{ t: TestApp; tenant: FakeAuth0 | null }> {
  if (!mode.auth0) return { t: await createTestApp(env), tenant: null };
  const tenant = await FakeAuth0.start({ tokenProfile: 'rfc9068' });
  const t = await createTestApp(tenant.env(env));
  const close = t.close.bind(t);
  t.close = async () => {
    await close();
    await tenant.close();
  };
  return { t, tenant };
}

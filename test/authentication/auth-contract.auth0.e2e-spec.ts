import { describeAuthContract, REUSE_INTERVAL_SECONDS } from '../support/auth-contract';
import { FakeAuth0 } from '../support/fake-auth0';
import { createTestApp } from '../support/test-app';

let tenant: FakeAuth0;

describeAuthContract({
  name: 'IDENTITY_PROVIDER=auth0',
  async start(env) {
    // The tenant as docs/identity/auth0.md asks for it: rotation on, reuse interval equal to
    // FluentPro's, RFC 9068 token profile (a `jti` in every access token).
    tenant = await FakeAuth0.start({ tokenProfile: 'rfc9068', reuseIntervalSeconds: REUSE_INTERVAL_SECONDS });
    const app = await createTestApp(tenant.env(env));
    return {
      app,
      stop: async () => {
        await app.close();
        await tenant.close();
      },
    };
  },
  auth0Configured: true,
  issuer: `https://${new FakeAuth0().domain}/`,
  audience: new FakeAuth0().audience,
  subjectOf: (user) => tenant.usersByEmail.get(user.email)!.user_id,
});

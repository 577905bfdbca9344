import { describeAuthContract } from '../support/auth-contract';
import { createTestApp } from '../support/test-app';

describeAuthContract({
  name: 'self-hosted identity',
  async start(env) {
    const app = await createTestApp(env);
    return { app, stop: () => app.close() };
  },
  auth0Configured: false,
  issuer: 'fluentpro-backend',
  audience: 'fluentpro-api',
  subjectOf: (user) => user.id,
});

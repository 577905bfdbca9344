import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AppConfig, ConfigError, ServiceUnavailableError } from '@fluentpro/shared';
import { auth0Unavailable, Auth0Settings } from './auth0-settings';

const AUTH0_ENV = {
  IDENTITY_PROVIDER: 'auth0',
  AUTH0_DOMAIN: 'fluentpro.eu.auth0.com',
  AUTH0_CLIENT_ID: 'client-id',
  AUTH0_CLIENT_SECRET: 'client-secret',
  AUTH0_AUDIENCE: 'https://api.fluentpro.test',
  AUTH0_CONNECTION: 'Username-Password-Authentication',
};

function problemsOf(env: Record<string, string | undefined>): string[] {
  try {
    AppConfig.parse(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('Auth0 settings at boot', () => {
  it('accepts a complete Auth0 configuration and derives issuer and JWKS from the domain', () => {
    const settings = new Auth0Settings(AppConfig.parse(AUTH0_ENV));
    expect(settings.issuer).toBe('https://fluentpro.eu.auth0.com/');
    expect(settings.jwksUri).toBe('https://fluentpro.eu.auth0.com/.well-known/jwks.json');
    expect(settings.timeoutMs).toBe(5000);
    // Without separate management credentials the application's own are used.
    expect(settings.managementClientId).toBe('client-id');
    expect(settings.managementClientSecret).toBe('client-secret');
  });

  it.each(['AUTH0_DOMAIN', 'AUTH0_CLIENT_ID', 'AUTH0_CLIENT_SECRET', 'AUTH0_AUDIENCE', 'AUTH0_CONNECTION'])(
    'names %s when it is missing in the Auth0 mode',
    (variable) => {
      expect(problemsOf({ ...AUTH0_ENV, [variable]: undefined })).toEqual([
        `${variable}: is required when IDENTITY_PROVIDER=auth0`,
      ]);
    },
  );

  it('reports every missing variable at once', () => {
    expect(problemsOf({ IDENTITY_PROVIDER: 'auth0' })).toHaveLength(5);
  });

  it.each(['https://fluentpro.eu.auth0.com', 'fluentpro.eu.auth0.com/', 'fluentpro'])(
    'refuses AUTH0_DOMAIN=%s (a bare host name is required)',
    (domain) => {
      expect(problemsOf({ ...AUTH0_ENV, AUTH0_DOMAIN: domain })).toEqual([
        expect.stringMatching(/^AUTH0_DOMAIN: must be the bare tenant host name/),
      ]);
    },
  );

  it('refuses Auth0 settings while the self-hosted identity is selected', () => {
    const { IDENTITY_PROVIDER: _mode, ...rest } = AUTH0_ENV;
    const problems = problemsOf(rest);
    expect(problems).toHaveLength(5);
    expect(problems[0]).toMatch(/^AUTH0_\w+: is set but IDENTITY_PROVIDER is not auth0/);
  });

  it('wants both management credentials or neither', () => {
    expect(problemsOf({ ...AUTH0_ENV, AUTH0_MANAGEMENT_CLIENT_ID: 'm2m' })).toEqual([
      'AUTH0_MANAGEMENT_CLIENT_SECRET: AUTH0_MANAGEMENT_CLIENT_ID and AUTH0_MANAGEMENT_CLIENT_SECRET go together',
    ]);
  });

  it('refuses a plain-http AUTH0_BASE_URL in production only', () => {
    const env = { ...AUTH0_ENV, AUTH0_BASE_URL: 'http://127.0.0.1:9999' };
    expect(problemsOf(env)).toEqual([]);
    expect(problemsOf({ ...env, NODE_ENV: 'production' })).toEqual([
      'AUTH0_BASE_URL: must use https:// in production',
    ]);
  });

  it('bounds AUTH0_TIMEOUT_MS', () => {
    expect(problemsOf({ ...AUTH0_ENV, AUTH0_TIMEOUT_MS: '10' })[0]).toMatch(/^AUTH0_TIMEOUT_MS:/);
  });
});

describe('Auth0 transport', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((request, response) => {
      if (request.url === '/slow') return void setTimeout(() => response.end('{}'), 1000);
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify({ path: request.url }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const settingsFor = (extra: Record<string, string>) =>
    new Auth0Settings(AppConfig.parse({ ...AUTH0_ENV, AUTH0_BASE_URL: base, ...extra }));

  it("sends the tenant's URLs to AUTH0_BASE_URL, path and query kept", async () => {
    const settings = settingsFor({});
    await expect(
      settings.getJson('https://fluentpro.eu.auth0.com/.well-known/jwks.json?x=1'),
    ).resolves.toEqual({
      path: '/.well-known/jwks.json?x=1',
    });
  });

  it('leaves other origins alone, even ones that start like the tenant', () => {
    const settings = settingsFor({});
    expect(settings.target('https://fluentpro.eu.auth0.com.evil.test/x')).toBe(
      'https://fluentpro.eu.auth0.com.evil.test/x',
    );
    expect(settings.target('https://fluentpro.eu.auth0.com')).toBe(base);
    expect(
      new Auth0Settings(AppConfig.parse(AUTH0_ENV)).target('https://fluentpro.eu.auth0.com/oauth/token'),
    ).toBe('https://fluentpro.eu.auth0.com/oauth/token');
  });

  it('aborts a request that outlives AUTH0_TIMEOUT_MS', async () => {
    const settings = settingsFor({ AUTH0_TIMEOUT_MS: '150' });
    const started = Date.now();
    await expect(settings.fetch('https://fluentpro.eu.auth0.com/slow')).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('turns an outage into the 503 naming the identity provider', () => {
    const error = auth0Unavailable(new Error('ECONNREFUSED'));
    expect(error).toBeInstanceOf(ServiceUnavailableError);
    expect(error.message).toMatch(/identity provider \(Auth0\)/);
    expect(error.retryAfterSeconds).toBeGreaterThan(0);
  });
});

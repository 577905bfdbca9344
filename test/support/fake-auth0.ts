import { generateKeyPairSync, KeyObject, randomBytes, randomUUID } from 'node:crypto';
import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sign } from 'jsonwebtoken';

/**
 * A local stand-in for an Auth0 tenant, speaking the Authentication and Management API endpoints
 * FluentPro's adapter calls through the real `auth0` SDK: database sign-up, /oauth/token (password
 * realm, refresh token with rotation and reuse detection, client credentials for the Management
 * API), /oauth/revoke, Management users create/delete, and the JWKS. Tokens are RS256 JWTs signed
 * with a test key. No network beyond 127.0.0.1.
 */

export interface FakeAuth0User {
  user_id: string;
  email: string;
  password: string;
  name?: string;
  blocked: boolean;
  failedLogins: number;
}

interface FakeRefreshToken {
  userId: string;
  family: string;
  rotatedAt: number | null;
  revoked: boolean;
}

export interface FakeAuth0Call {
  method: string;
  path: string;
  grantType?: string;
}

export interface FakeAuth0Options {
  /** `auth0` (the default profile, no `jti`) or `rfc9068` (adds `jti`, so every token differs). */
  tokenProfile?: 'auth0' | 'rfc9068';
  /** Refresh-token rotation of the application (on by default, as docs/identity/auth0.md asks). */
  rotation?: boolean;
  /** Auth0's own reuse interval for rotated refresh tokens, in seconds. */
  reuseIntervalSeconds?: number;
  /** Consecutive failed logins after which brute-force protection blocks the user. */
  bruteForceLimit?: number;
  accessTokenLifetimeSeconds?: number;
  /** Fixes `iat` (seconds), to reproduce two tokens issued within the same second. */
  issuedAt?: number | null;
  /** Claims to override in the access tokens the grants issue (a misconfigured tenant). */
  tokenClaims?: Record<string, unknown>;
  /** A key outside the JWKS to sign the grants' access tokens with. */
  signWith?: SigningKey | null;
}

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: `test-key-${randomBytes(4).toString('hex')}`, privateKey, publicKey };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

function readBody(request: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    let raw = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => (raw += chunk));
    request.on('error', reject);
    request.on('end', () => {
      if (raw === '') return resolve({});
      if ((request.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded')) {
        return resolve(Object.fromEntries(new URLSearchParams(raw)));
      }
      try {
        resolve(JSON.parse(raw) as Record<string, unknown>);
      } catch {
        reject(new Error('The body is not JSON'));
      }
    });
  });
}

export class FakeAuth0 {
  readonly domain = 'fluentpro-test.eu.auth0.com';
  readonly clientId = 'fluentpro-app-client-id';
  readonly clientSecret = 'fluentpro-app-client-secret';
  readonly audience = 'https://api.fluentpro.test';
  readonly connection = 'Username-Password-Authentication';
  readonly usersByEmail = new Map<string, FakeAuth0User>();
  readonly refreshTokens = new Map<string, FakeRefreshToken>();
  readonly revokedRefreshTokens: string[] = [];
  readonly deletedUserIds: string[] = [];
  readonly calls: FakeAuth0Call[] = [];
  /** Delay (ms) before answering, per path prefix; `*` for every path. */
  readonly delays = new Map<string, number>();
  /** Answers to force, per path prefix or per grant type of /oauth/token: a status and a body. */
  readonly forced = new Map<string, { status: number; body: unknown }>();
  /** While true every connection is dropped before any answer (an outage). */
  down = false;
  /** Keys served at the JWKS endpoint; the first one signs. */
  keys: SigningKey[] = [newKey()];
  options: Required<FakeAuth0Options>;
  private server: Server | null = null;
  private port = 0;
  private readonly managementTokens = new Set<string>();

  constructor(options: FakeAuth0Options = {}) {
    this.options = {
      tokenProfile: 'auth0',
      rotation: true,
      reuseIntervalSeconds: 10,
      bruteForceLimit: 10,
      accessTokenLifetimeSeconds: 3600,
      issuedAt: null,
      tokenClaims: {},
      signWith: null,
      ...options,
    };
  }

  static async start(options: FakeAuth0Options = {}): Promise<FakeAuth0> {
    const fake = new FakeAuth0(options);
    fake.server = createServer((request, response) => void fake.handle(request, response));
    await new Promise<void>((resolve) => fake.server!.listen(0, '127.0.0.1', resolve));
    fake.port = (fake.server.address() as AddressInfo).port;
    return fake;
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Settings that point the API at this tenant (createTestApp overrides). */
  env(overrides: Record<string, string> = {}): Record<string, string> {
    return {
      IDENTITY_PROVIDER: 'auth0',
      AUTH0_DOMAIN: this.domain,
      AUTH0_CLIENT_ID: this.clientId,
      AUTH0_CLIENT_SECRET: this.clientSecret,
      AUTH0_AUDIENCE: this.audience,
      AUTH0_CONNECTION: this.connection,
      AUTH0_BASE_URL: this.url,
      AUTH0_TIMEOUT_MS: '1500',
      ...overrides,
    };
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = null;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Adds a user straight into the connection (as if created elsewhere). */
  addUser(email: string, password: string, extra: Partial<FakeAuth0User> = {}): FakeAuth0User {
    const user: FakeAuth0User = {
      user_id: `auth0|${randomBytes(12).toString('hex')}`,
      email: email.toLowerCase(),
      password,
      blocked: false,
      failedLogins: 0,
      ...extra,
    };
    this.usersByEmail.set(user.email, user);
    return user;
  }

  userById(userId: string): FakeAuth0User | undefined {
    return [...this.usersByEmail.values()].find((user) => user.user_id === userId);
  }

  /** A new signing key; the old one leaves the JWKS unless `keepOld`. */
  rotateSigningKey(keepOld = false): void {
    this.keys = keepOld ? [newKey(), ...this.keys] : [newKey()];
  }

  /** An access token for `sub` signed with `key` (the current one by default), claims overridable. */
  accessToken(sub: string, claims: Record<string, unknown> = {}, key: SigningKey = this.keys[0]): string {
    const now = this.options.issuedAt ?? Math.floor(Date.now() / 1000);
    return sign(
      {
        iss: `https://${this.domain}/`,
        sub,
        aud: this.audience,
        iat: now,
        exp: now + this.options.accessTokenLifetimeSeconds,
        azp: this.clientId,
        scope: 'offline_access',
        gty: 'password',
        ...(this.options.tokenProfile === 'rfc9068' ? { jti: randomUUID() } : {}),
        ...claims,
      },
      key.privateKey,
      { algorithm: 'RS256', keyid: key.kid },
    );
  }

  callsTo(path: string, grantType?: string): FakeAuth0Call[] {
    return this.calls.filter((call) => call.path === path && (!grantType || call.grantType === grantType));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (this.down) {
      request.socket.destroy();
      return;
    }
    const path = new URL(request.url ?? '/', 'http://fake').pathname;
    let body: Record<string, unknown> = {};
    try {
      body = await readBody(request);
    } catch {
      return this.send(response, 400, { error: 'invalid_request', error_description: 'Bad body' });
    }
    const grantType = typeof body.grant_type === 'string' ? body.grant_type : undefined;
    this.calls.push({ method: request.method ?? 'GET', path, grantType });
    const delay = [...this.delays].find(([prefix]) => prefix === '*' || path.startsWith(prefix))?.[1];
    // Like a real server, work finishes even when the client gave up waiting; only the answer is lost.
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));
    const forced =
      (grantType ? this.forced.get(grantType) : undefined) ??
      [...this.forced].find(([prefix]) => prefix.startsWith('/') && path.startsWith(prefix))?.[1];
    if (forced) return this.send(response, forced.status, forced.body);
    try {
      const [status, answer] = this.route(request.method ?? 'GET', path, body, request.headers.authorization);
      this.send(response, status, answer);
    } catch (error) {
      this.send(response, 500, { error: 'server_error', error_description: String(error) });
    }
  }

  private route(
    method: string,
    path: string,
    body: Record<string, unknown>,
    authorization: string | undefined,
  ): [number, unknown] {
    if (method === 'GET' && path === '/.well-known/jwks.json') return [200, this.jwks()];
    if (method === 'POST' && path === '/dbconnections/signup') return this.signUp(body);
    if (method === 'POST' && path === '/oauth/token') return this.token(body);
    if (method === 'POST' && path === '/oauth/revoke') return this.revoke(body);
    if (path.startsWith('/api/v2/')) {
      const token = authorization?.replace(/^Bearer /, '') ?? '';
      if (!this.managementTokens.has(token))
        return [401, { statusCode: 401, error: 'Unauthorized', message: 'Invalid token' }];
      if (method === 'POST' && path === '/api/v2/users') return this.createUser(body);
      const match = /^\/api\/v2\/users\/(.+)$/.exec(path);
      if (method === 'DELETE' && match) return this.deleteUser(decodeURIComponent(match[1]));
    }
    return [404, { statusCode: 404, error: 'Not Found', message: `No route ${method} ${path}` }];
  }

  private jwks(): { keys: Record<string, unknown>[] } {
    return {
      keys: this.keys.map(({ kid, publicKey }) => ({
        ...publicKey.export({ format: 'jwk' }),
        kid,
        alg: 'RS256',
        use: 'sig',
      })),
    };
  }

  private signUp(body: Record<string, unknown>): [number, unknown] {
    if (body.client_id !== this.clientId)
      return [400, { error: 'invalid_client', error_description: 'Unknown client' }];
    if (body.connection !== this.connection)
      return [
        400,
        {
          name: 'BadRequestError',
          code: 'invalid_connection',
          description: 'Connection does not exist',
          statusCode: 400,
        },
      ];
    const email = text(body.email).toLowerCase();
    const password = text(body.password);
    if (this.usersByEmail.has(email))
      return [
        400,
        {
          name: 'BadRequestError',
          code: 'user_exists',
          description: 'The user already exists.',
          statusCode: 400,
        },
      ];
    if (/password/i.test(password)) {
      return [
        400,
        {
          name: 'PasswordDictionaryError',
          message: 'Password is too common',
          code: 'password_dictionary_error',
          description: 'Password is too common',
          statusCode: 400,
        },
      ];
    }
    const user = this.addUser(email, password, {
      name: typeof body.name === 'string' ? body.name : undefined,
    });
    return [200, { _id: user.user_id.slice('auth0|'.length), email: user.email, email_verified: false }];
  }

  private token(body: Record<string, unknown>): [number, unknown] {
    switch (body.grant_type) {
      case 'http://auth0.com/oauth/grant-type/password-realm':
        return this.passwordRealm(body);
      case 'refresh_token':
        return this.refresh(body);
      case 'client_credentials':
        return this.clientCredentials(body);
      default:
        return [
          403,
          {
            error: 'unsupported_grant_type',
            error_description: `Unsupported grant ${String(body.grant_type)}`,
          },
        ];
    }
  }

  private clientAuthenticated(body: Record<string, unknown>): boolean {
    return body.client_id === this.clientId && body.client_secret === this.clientSecret;
  }

  private passwordRealm(body: Record<string, unknown>): [number, unknown] {
    if (!this.clientAuthenticated(body))
      return [401, { error: 'access_denied', error_description: 'Unauthorized' }];
    if (body.realm !== this.connection)
      return [403, { error: 'invalid_grant', error_description: 'Wrong email or password.' }];
    if (body.audience !== this.audience)
      return [
        403,
        { error: 'access_denied', error_description: 'Service not found: ' + String(body.audience) },
      ];
    const user = this.usersByEmail.get(text(body.username).toLowerCase());
    if (user?.blocked) return [401, { error: 'unauthorized', error_description: 'user is blocked' }];
    if (user && user.failedLogins >= this.options.bruteForceLimit) {
      return [
        429,
        {
          error: 'too_many_attempts',
          error_description:
            'Your account has been blocked after multiple consecutive login attempts. We’ve sent you an email with instructions on how to unblock it.',
        },
      ];
    }
    if (!user || user.password !== body.password) {
      if (user) user.failedLogins += 1;
      return [403, { error: 'invalid_grant', error_description: 'Wrong email or password.' }];
    }
    user.failedLogins = 0;
    const scope = text(body.scope);
    return [
      200,
      this.tokenSet(user.user_id, scope.split(' ').includes('offline_access') ? randomUUID() : null),
    ];
  }

  private refresh(body: Record<string, unknown>): [number, unknown] {
    if (!this.clientAuthenticated(body))
      return [401, { error: 'access_denied', error_description: 'Unauthorized' }];
    const presented = text(body.refresh_token);
    const token = this.refreshTokens.get(presented);
    const invalid: [number, unknown] = [
      403,
      { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' },
    ];
    if (!token || token.revoked) return invalid;
    if (token.rotatedAt !== null && Date.now() - token.rotatedAt > this.options.reuseIntervalSeconds * 1000) {
      // Reuse detection: the whole family is revoked.
      for (const other of this.refreshTokens.values())
        if (other.family === token.family) other.revoked = true;
      return invalid;
    }
    if (!this.options.rotation) return [200, this.tokenSet(token.userId, null)];
    token.rotatedAt ??= Date.now();
    return [200, this.tokenSet(token.userId, randomUUID(), token.family)];
  }

  private clientCredentials(body: Record<string, unknown>): [number, unknown] {
    if (!this.clientAuthenticated(body))
      return [401, { error: 'access_denied', error_description: 'Unauthorized' }];
    if (body.audience !== `https://${this.domain}/api/v2/`)
      return [403, { error: 'access_denied', error_description: 'Service not enabled within domain' }];
    const token = `mgmt-${randomBytes(16).toString('hex')}`;
    this.managementTokens.add(token);
    return [
      200,
      { access_token: token, token_type: 'Bearer', expires_in: 86_400, scope: 'create:users delete:users' },
    ];
  }

  private revoke(body: Record<string, unknown>): [number, unknown] {
    if (!this.clientAuthenticated(body))
      return [401, { error: 'access_denied', error_description: 'Unauthorized' }];
    const presented = text(body.token);
    const token = this.refreshTokens.get(presented);
    if (token) {
      token.revoked = true;
      this.revokedRefreshTokens.push(presented);
    }
    return [200, ''];
  }

  private createUser(body: Record<string, unknown>): [number, unknown] {
    const email = text(body.email).toLowerCase();
    if (this.usersByEmail.has(email))
      return [
        409,
        {
          statusCode: 409,
          error: 'Conflict',
          message: 'The user already exists.',
          errorCode: 'auth0_idp_error',
        },
      ];
    const user = this.addUser(email, text(body.password));
    return [201, { user_id: user.user_id, email: user.email, email_verified: false }];
  }

  private deleteUser(userId: string): [number, unknown] {
    const user = this.userById(userId);
    if (user) this.usersByEmail.delete(user.email);
    this.deletedUserIds.push(userId);
    return [204, ''];
  }

  private tokenSet(
    userId: string,
    refreshToken: string | null,
    family: string = randomUUID(),
  ): Record<string, unknown> {
    if (refreshToken)
      this.refreshTokens.set(refreshToken, { userId, family, rotatedAt: null, revoked: false });
    return {
      access_token: this.accessToken(userId, this.options.tokenClaims, this.options.signWith ?? this.keys[0]),
      ...(refreshToken ? { refresh_token: refreshToken } : {}),
      scope: refreshToken ? 'offline_access' : '',
      expires_in: this.options.accessTokenLifetimeSeconds,
      token_type: 'Bearer',
    };
  }

  private send(response: ServerResponse, status: number, body: unknown): void {
    if (response.headersSent || response.destroyed) return;
    if (status === 204 || body === '') {
      response.writeHead(status).end();
      return;
    }
    response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
  }
}

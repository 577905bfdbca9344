import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { ExecutionContext } from '@nestjs/common';
import { sign } from 'jsonwebtoken';
import { AppConfig, ServiceUnavailableError } from '@fluentpro/shared';
import type { Principal } from '../../application/ports/identity-provider';
import { InvalidAccessTokenError } from '../../domain/authentication.errors';
import { AccessTokenGuard } from './access-token.guard';
import { AccessTokenStrategy } from './access-token.strategy';
import { AccessTokenVerifier, VerifiedClaims } from './access-token.verifier';

const ISSUER = 'fluentpro-test';
const AUDIENCE = 'fluentpro-api-test';
const principal: Principal = { userId: 'user-1', sessionId: 'session-1' };

function keyPair(): { privateKey: KeyObject; publicKey: KeyObject } {
  return generateKeyPairSync('rsa', { modulusLength: 2048 });
}

/** The verifier seam with a settable key source and session check, as each identity provider fills it. */
class StubVerifier extends AccessTokenVerifier {
  readonly issuer = ISSUER;
  readonly audience = AUDIENCE;
  keyError: Error | null = null;
  session: () => Promise<Principal | null> = () => Promise.resolve(principal);

  private readonly publicKey: string;

  constructor(publicKey: KeyObject) {
    super();
    this.publicKey = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  }

  readonly keyProvider: AccessTokenVerifier['keyProvider'] = (_request, _token, done) =>
    this.keyError ? done(this.keyError) : done(null, this.publicKey);

  toPrincipal(claims: VerifiedClaims): Promise<Principal | null> {
    return claims.sub === principal.userId ? this.session() : Promise.resolve(null);
  }
}

describe('AccessTokenGuard', () => {
  const keys = keyPair();
  const verifier = new StubVerifier(keys.publicKey);
  const config = AppConfig.parse({ NODE_ENV: 'test' });
  const guard = new AccessTokenGuard(new AccessTokenStrategy(verifier, config));

  const token = (overrides: Record<string, unknown> = {}, key: KeyObject = keys.privateKey) => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: principal.userId, sid: principal.sessionId, iss: ISSUER, aud: AUDIENCE };
    return sign({ ...claims, iat: now, exp: now + 60, ...overrides }, key, { algorithm: 'RS256' });
  };
  const check = (authorization?: string) => {
    const request: { headers: Record<string, string>; user?: Principal } = {
      headers: authorization ? { authorization } : {},
    };
    const context = { switchToHttp: () => ({ getRequest: () => request }) } as unknown as ExecutionContext;
    return { request, outcome: guard.canActivate(context) };
  };

  afterEach(() => {
    verifier.keyError = null;
    verifier.session = () => Promise.resolve(principal);
  });

  it('lets a valid token of a live session through and puts its principal on the request', async () => {
    const { request, outcome } = check(`Bearer ${token()}`);
    await expect(outcome).resolves.toBe(true);
    expect(request.user).toEqual(principal);
  });

  it.each([
    ['no Authorization header', undefined],
    ['another scheme', `Basic ${Buffer.from('a:b').toString('base64')}`],
    ['a token that is not a JWT', 'Bearer not-a-token'],
    ['a token signed with another key', () => `Bearer ${token({}, keyPair().privateKey)}`],
    ['an expired token', () => `Bearer ${token({ exp: Math.floor(Date.now() / 1000) - 3600 })}`],
    ['another audience', () => `Bearer ${token({ aud: 'other-api' })}`],
    ['a token whose subject has no session', () => `Bearer ${token({ sub: 'someone-else' })}`],
  ])('refuses %s with the contract 401', async (_case, header) => {
    const { request, outcome } = check(typeof header === 'function' ? header() : header);
    await expect(outcome).rejects.toBeInstanceOf(InvalidAccessTokenError);
    expect(request.user).toBeUndefined();
  });

  it('refuses a valid token whose session has ended', async () => {
    verifier.session = () => Promise.resolve(null);
    await expect(check(`Bearer ${token()}`).outcome).rejects.toBeInstanceOf(InvalidAccessTokenError);
  });

  it("answers the key source's 503 when the token cannot be checked at all", async () => {
    const unavailable = new ServiceUnavailableError('The identity provider cannot be reached');
    verifier.keyError = unavailable;
    await expect(check(`Bearer ${token()}`).outcome).rejects.toBe(unavailable);
  });

  it('passes on a failure of the session check instead of calling the caller unauthenticated', async () => {
    const failure = new Error('database unavailable');
    verifier.session = () => Promise.reject(failure);
    await expect(check(`Bearer ${token()}`).outcome).rejects.toBe(failure);
  });
});

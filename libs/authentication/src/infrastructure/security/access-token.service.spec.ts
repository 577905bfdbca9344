import { generateKeyPairSync } from 'node:crypto';
import { decode, verify } from 'jsonwebtoken';
import { AppConfig } from '@fluentpro/shared';
import { AccessTokenService } from './access-token.service';
import { SigningKeys } from './signing-keys';

describe('AccessTokenService', () => {
  const pem = generateKeyPairSync('rsa', { modulusLength: 2048 })
    .privateKey.export({ type: 'pkcs8', format: 'pem' })
    .toString();
  const config = AppConfig.parse({
    NODE_ENV: 'test',
    JWT_PRIVATE_KEY: pem,
    JWT_ISSUER: 'https://issuer.test',
    JWT_AUDIENCE: 'fluentpro-test',
    ACCESS_TOKEN_TTL_SECONDS: '900',
  });
  const keys = SigningKeys.load(config);
  const service = new AccessTokenService(keys, config);

  it('issues an RS256 JWT that jsonwebtoken verifies with the pinned algorithm, issuer and audience', async () => {
    const before = Math.floor(Date.now() / 1000);
    const token = await service.issue({ sub: 'user-1', sid: 'session-1' });
    const claims = verify(token, keys.publicKey, {
      algorithms: ['RS256'],
      issuer: 'https://issuer.test',
      audience: 'fluentpro-test',
    }) as Record<string, unknown>;
    expect(claims).toEqual({
      sub: 'user-1',
      sid: 'session-1',
      iss: 'https://issuer.test',
      aud: 'fluentpro-test',
      iat: expect.any(Number),
      exp: expect.any(Number),
      jti: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    expect(claims.iat).toBeGreaterThanOrEqual(before);
    expect((claims.exp as number) - (claims.iat as number)).toBe(900);
    expect(decode(token, { complete: true })?.header).toEqual({ alg: 'RS256', typ: 'JWT', kid: keys.keyId });
  });

  it('gives every token its own id, and a changed payload no longer verifies', async () => {
    const [first, second] = await Promise.all([
      service.issue({ sub: 'user-1', sid: 'session-1' }),
      service.issue({ sub: 'user-1', sid: 'session-1' }),
    ]);
    expect(decode(first)).not.toEqual(decode(second));
    const [header, , signature] = first.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ sub: 'admin' })).toString('base64url')}.${signature}`;
    expect(() => verify(forged, keys.publicKey, { algorithms: ['RS256'] })).toThrow('invalid signature');
  });
});

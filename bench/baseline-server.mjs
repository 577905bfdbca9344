// The benchmark's baseline: a bare Fastify server (no Nest, no plugins) doing the same work as the API
// with the same libraries on the same database, so the ratio project/baseline measures what the
// framework layers cost and nothing else.
//
//   GET /health/live            -> {"status":"ok"}
//   GET /api/v1/auth/profile/   -> RS256 verify (jsonwebtoken, synchronous, pre-parsed KeyObject,
//                                  pinned algorithm, issuer, audience, kid), session lookup by primary
//                                  key (revoked_at / expires_at check), user lookup, the same JSON body.
//   POST /api/v1/auth/login/    -> what any login must do: the user by e-mail, argon2id verification
//                                  (@node-rs/argon2 on the libuv threadpool, at most HASH_CONCURRENCY
//                                  at once like the API), the session INSERT, an RS256 access token
//                                  signed on the threadpool, an opaque refresh token, the same body.
//                                  None of the API's throttling, events, validation messages or
//                                  dummy hash for unknown accounts: the floor of a login on this stack.
//
// With BASELINE_HEADERS=1 it also sends what every API answer carries (helmet's security headers, the
// same precomputed set, and an x-request-id from randomUUID): the report's "bare Fastify + headers" row,
// which shows how much of the /health/live gap those headers alone account for.
//
// Environment: PORT, SQLITE_PATH or DATABASE_URL, BASELINE_HEADERS, JWT_KEYS_DIR (the API's signing key: optional; without
// it the profile and login routes answer 503), JWT_ISSUER, JWT_AUDIENCE, JWT_CLOCK_TOLERANCE_SECONDS,
// ACCESS_TOKEN_TTL_SECONDS, HASH_CONCURRENCY (the argon2 parameters are the stored hashes' own).
import { createHash, randomBytes, randomUUID, sign } from 'node:crypto';
import { createRequire } from 'node:module';
import { promisify } from 'node:util';
import {
  audience,
  clockTolerance,
  issuer,
  loadKey,
  openDatabase,
  profileBody,
  sessionIsActive,
} from './lib/profile-store.mjs';

const require = createRequire(import.meta.url);
const Fastify = require('fastify');
const jwt = require('jsonwebtoken');
const argon2 = require('@node-rs/argon2');
const env = process.env;

const unauthorized = { error: 'Unauthorized', message: 'Invalid or expired access token' };
const invalidCredentials = { error: 'Unauthorized', message: 'Invalid email or password' };
const ttlSeconds = Number(env.ACCESS_TOKEN_TTL_SECONDS ?? 3600);
const signOnThreadpool = promisify(sign);
const base64url = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** At most `limit` argon2 verifications in flight; the rest wait in arrival order. */
function hashSlots(limit) {
  let free = limit;
  const waiting = [];
  return async (task) => {
    if (free > 0) free -= 1;
    else await new Promise((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else free += 1;
    }
  };
}

async function main() {
  const db = await openDatabase();
  const key = loadKey();
  const app = Fastify({ logger: false });
  if (env.BASELINE_HEADERS === '1') {
    const { API_SECURITY_HEADERS: headers } = require('../dist/apps/api/src/security-headers.js');
    const { randomUUID } = require('node:crypto');
    app.addHook('onRequest', (_request, reply, done) => {
      void reply.headers(headers).header('x-request-id', randomUUID());
      done();
    });
  }

  app.get('/health/live', () => ({ status: 'ok' }));

  app.get('/api/v1/auth/profile/', async (request, reply) => {
    if (!key) return reply.code(503).send({ error: 'No signing key' });
    const header = request.headers.authorization;
    if (typeof header !== 'string' || !header.startsWith('Bearer '))
      return reply.code(401).send(unauthorized);
    let claims;
    try {
      const decoded = jwt.verify(header.slice(7), key.publicKey, {
        algorithms: ['RS256'],
        issuer,
        audience,
        clockTolerance,
        complete: true,
      });
      if (decoded.header.kid !== key.kid) throw new Error('Unknown signing key');
      claims = decoded.payload;
    } catch {
      return reply.code(401).send(unauthorized);
    }
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string')
      return reply.code(401).send(unauthorized);
    if (!sessionIsActive(await db.session(claims.sid))) return reply.code(401).send(unauthorized);
    const user = await db.user(claims.sub);
    if (!user) return reply.code(401).send(unauthorized);
    return profileBody(user);
  });

  const inHashSlot = hashSlots(Number(env.HASH_CONCURRENCY ?? 2));
  const encodedHeader = key && base64url({ alg: 'RS256', typ: 'JWT', kid: key.kid });
  app.post('/api/v1/auth/login/', async (request, reply) => {
    if (!key) return reply.code(503).send({ error: 'No signing key' });
    const { email, password } = request.body ?? {};
    if (typeof email !== 'string' || typeof password !== 'string' || !password)
      return reply.code(400).send({ error: 'Validation failed' });
    const user = await db.userByEmail(email.trim().toLowerCase());
    if (!user?.password_hash || user.deactivated_at !== null) return reply.code(401).send(invalidCredentials);
    const valid = await inHashSlot(() => argon2.verify(user.password_hash, password).catch(() => false));
    if (!valid) return reply.code(401).send(invalidCredentials);
    const now = new Date();
    const sessionId = randomUUID();
    const secret = randomBytes(32).toString('base64url');
    await db.insertSession({
      id: sessionId,
      userId: user.id,
      refreshTokenHash: createHash('sha256').update(secret).digest('hex'),
      createdAt: now,
      expiresAt: new Date(now.getTime() + 30 * 86_400_000),
      userAgent: request.headers['user-agent'] ?? null,
      ipAddress: request.ip,
    });
    const iat = Math.floor(now.getTime() / 1000);
    const claims = { sid: sessionId, iat, exp: iat + ttlSeconds, aud: audience, iss: issuer, sub: user.id };
    const input = `${encodedHeader}.${base64url({ ...claims, jti: randomUUID() })}`;
    const signature = await signOnThreadpool('sha256', Buffer.from(input), key.privateKey);
    return {
      access_token: `${input}.${signature.toString('base64url')}`,
      refresh_token: `${sessionId}.${secret}`,
      token_type: 'Bearer',
      expires_in: ttlSeconds,
      user: { id: user.id, full_name: user.full_name, email: user.email, date_of_birth: user.date_of_birth },
    };
  });

  const close = async () => {
    await app.close();
    await db.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void close());
  process.once('SIGINT', () => void close());
  await app.listen({ port: Number(env.PORT ?? 0), host: '127.0.0.1' });
}

main().catch((error) => {
  console.error('baseline failed to start:', error);
  process.exit(1);
});

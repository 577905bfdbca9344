// The benchmark's baseline: a bare Fastify server (no Nest, no plugins) doing the same work as the API
// with the same libraries on the same database, so the ratio project/baseline measures what the
// framework layers cost and nothing else.
//
//   GET /health/live            -> {"status":"ok"}
//   GET /api/v1/auth/profile/   -> RS256 verify (jsonwebtoken, synchronous, pre-parsed KeyObject,
//                                  pinned algorithm, issuer, audience, kid), session lookup by primary
//                                  key (revoked_at / expires_at check), user lookup, the same JSON body.
//
// With BASELINE_HEADERS=1 it also sends what every API answer carries (helmet's security headers, the
// same precomputed set, and an x-request-id from randomUUID): the report's "bare Fastify + headers" row,
// which shows how much of the /health/live gap those headers alone account for.
//
// Environment: PORT, SQLITE_PATH or DATABASE_URL, BASELINE_HEADERS, JWT_KEYS_DIR (the API's signing key: optional; without
// it the profile route answers 503), JWT_ISSUER, JWT_AUDIENCE, JWT_CLOCK_TOLERANCE_SECONDS.
import { createRequire } from 'node:module';
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
const env = process.env;

const unauthorized = { error: 'Unauthorized', message: 'Invalid or expired access token' };

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

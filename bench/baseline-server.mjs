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
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const Fastify = require('fastify');
const jwt = require('jsonwebtoken');

const env = process.env;
const issuer = env.JWT_ISSUER ?? 'fluentpro-backend';
const audience = env.JWT_AUDIENCE ?? 'fluentpro-api';
const clockTolerance = Number(env.JWT_CLOCK_TOLERANCE_SECONDS ?? 5);

function loadKey() {
  const file = env.JWT_KEYS_DIR ? join(env.JWT_KEYS_DIR, 'signing-key.pem') : '';
  if (!file || !existsSync(file)) return null;
  const publicKey = createPublicKey(createPrivateKey(readFileSync(file, 'utf8')));
  const { e, kty, n } = publicKey.export({ format: 'jwk' });
  const kid = createHash('sha256').update(JSON.stringify({ e, kty, n })).digest('base64url');
  return { publicKey, kid };
}

/** The two queries of the profile route, for SQLite (synchronous) or PostgreSQL (a pool). */
async function openDatabase() {
  if (env.DATABASE_URL) {
    const { Pool, types } = require('pg');
    // `date` columns as their 'YYYY-MM-DD' text, as the API's TypeORM mapping returns them.
    const getTypeParser = (oid, format) =>
      oid === 1082 ? (value) => value : types.getTypeParser(oid, format);
    const pool = new Pool({
      connectionString: env.DATABASE_URL,
      max: Number(env.DATABASE_POOL_SIZE ?? 10),
      types: { getTypeParser },
    });
    await pool.query('SELECT 1');
    return {
      async session(id) {
        const { rows } = await pool.query('SELECT revoked_at, expires_at FROM sessions WHERE id = $1', [id]);
        return rows[0] ? { revokedAt: rows[0].revoked_at, expiresAt: rows[0].expires_at } : null;
      },
      async user(id) {
        const { rows } = await pool.query(
          'SELECT id, email, full_name, date_of_birth, created_at, updated_at FROM users WHERE id = $1',
          [id],
        );
        return rows[0] ?? null;
      },
      close: () => pool.end(),
    };
  }
  const Database = require('better-sqlite3');
  const db = new Database(env.SQLITE_PATH);
  db.pragma('busy_timeout = 5000');
  // TypeORM stores SQLite datetimes as 'YYYY-MM-DD HH:MM:SS.SSS' in UTC.
  const utc = (text) => (text === null ? null : new Date(`${text.replace(' ', 'T')}Z`));
  let sessionQuery;
  let userQuery;
  const prepare = () => {
    sessionQuery ??= db.prepare('SELECT revoked_at, expires_at FROM sessions WHERE id = ?');
    userQuery ??= db.prepare(
      'SELECT id, email, full_name, date_of_birth, created_at, updated_at FROM users WHERE id = ?',
    );
  };
  return {
    session(id) {
      prepare();
      const row = sessionQuery.get(id);
      return row ? { revokedAt: utc(row.revoked_at), expiresAt: utc(row.expires_at) } : null;
    },
    user(id) {
      prepare();
      const row = userQuery.get(id);
      return row ? { ...row, created_at: utc(row.created_at), updated_at: utc(row.updated_at) } : null;
    },
    close: () => db.close(),
  };
}

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
    const session = await db.session(claims.sid);
    if (!session || session.revokedAt !== null || !(new Date() < session.expiresAt)) {
      return reply.code(401).send(unauthorized);
    }
    const user = await db.user(claims.sub);
    if (!user) return reply.code(401).send(unauthorized);
    return {
      id: user.id,
      full_name: user.full_name,
      email: user.email,
      date_of_birth: user.date_of_birth,
      created_at: user.created_at.toISOString(),
      updated_at: user.updated_at.toISOString(),
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

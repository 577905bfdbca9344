// What the baseline and the bare-Nest floor share for GET /api/v1/auth/profile/: the signing key and
// kid, the token options, and the two queries of the profile route (session by id, user by id) on
// SQLite or PostgreSQL, written the way a hand-written Fastify service would write them; and the two of
// the baseline's login (user by e-mail, the session INSERT).
//   Environment: SQLITE_PATH or DATABASE_URL, JWT_KEYS_DIR, JWT_ISSUER, JWT_AUDIENCE,
//   JWT_CLOCK_TOLERANCE_SECONDS.
import { createHash, createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

const env = process.env;
export const issuer = env.JWT_ISSUER ?? 'fluentpro-backend';
export const audience = env.JWT_AUDIENCE ?? 'fluentpro-api';
export const clockTolerance = Number(env.JWT_CLOCK_TOLERANCE_SECONDS ?? 5);

export function loadKey() {
  const file = env.JWT_KEYS_DIR ? join(env.JWT_KEYS_DIR, 'signing-key.pem') : '';
  if (!file || !existsSync(file)) return null;
  const privateKey = createPrivateKey(readFileSync(file, 'utf8'));
  const publicKey = createPublicKey(privateKey);
  const { e, kty, n } = publicKey.export({ format: 'jwk' });
  const kid = createHash('sha256').update(JSON.stringify({ e, kty, n })).digest('base64url');
  return { privateKey, publicKey, kid };
}

const USER_BY_EMAIL =
  'SELECT id, email, full_name, date_of_birth, password_hash, deactivated_at FROM users WHERE email = ';
const SESSION_COLUMNS =
  'id, user_id, refresh_token_hash, created_at, last_used_at, expires_at, user_agent, ip_address';

/** The profile route's two queries and the login's two, for SQLite (synchronous) or PostgreSQL (a pool). */
export async function openDatabase() {
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
      async userByEmail(email) {
        const { rows } = await pool.query(`${USER_BY_EMAIL}$1`, [email]);
        return rows[0] ?? null;
      },
      async insertSession(s) {
        await pool.query(
          `INSERT INTO sessions (${SESSION_COLUMNS}) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            s.id,
            s.userId,
            s.refreshTokenHash,
            s.createdAt,
            s.createdAt,
            s.expiresAt,
            s.userAgent,
            s.ipAddress,
          ],
        );
      },
      close: () => pool.end(),
    };
  }
  const Database = require('better-sqlite3');
  const db = new Database(env.SQLITE_PATH);
  db.pragma('busy_timeout = 5000');
  // TypeORM stores SQLite datetimes as 'YYYY-MM-DD HH:MM:SS.SSS' in UTC.
  const utc = (text) => (text === null ? null : new Date(`${text.replace(' ', 'T')}Z`));
  const text = (date) => date.toISOString().replace('T', ' ').slice(0, 23);
  let sessionQuery;
  let userQuery;
  let userByEmailQuery;
  let sessionInsert;
  const prepare = () => {
    userByEmailQuery ??= db.prepare(`${USER_BY_EMAIL}?`);
    sessionInsert ??= db.prepare(`INSERT INTO sessions (${SESSION_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?)`);
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
    userByEmail(email) {
      prepare();
      return userByEmailQuery.get(email) ?? null;
    },
    insertSession(s) {
      prepare();
      const created = text(s.createdAt);
      sessionInsert.run(
        s.id,
        s.userId,
        s.refreshTokenHash,
        created,
        created,
        text(s.expiresAt),
        s.userAgent,
        s.ipAddress,
      );
    },
    close: () => db.close(),
  };
}

/** The profile body both servers answer with, from the user row. */
export function profileBody(user) {
  return {
    id: user.id,
    full_name: user.full_name,
    email: user.email,
    date_of_birth: user.date_of_birth,
    created_at: user.created_at.toISOString(),
    updated_at: user.updated_at.toISOString(),
  };
}

/** True when the session row allows the token: not revoked, not expired. */
export function sessionIsActive(session) {
  return session !== null && session.revokedAt === null && new Date() < session.expiresAt;
}

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

const SESSION_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const SECRET = /^[A-Za-z0-9_-]{43}$/;
/** How far back the chain is walked to recognise an old token of a session (30 days of hourly refreshes fit). */
const MAX_GENERATIONS = 1024;

export interface ParsedRefreshToken {
  sessionId: string;
  secret: string;
}

/**
 * Opaque refresh tokens `<session id>.<secret>`. Only SHA-256 of the secret is stored. Each successor
 * is HMAC(server secret, predecessor), so a token presented again can be recognised as an old member
 * of its session's family (reuse) and the immediate successor can be handed to a racing tab without
 * storing any token in clear.
 */
export class RefreshTokenCodec {
  constructor(private readonly chainKey: Buffer) {}

  newSecret(): string {
    return randomBytes(32).toString('base64url');
  }

  successor(secret: string): string {
    return createHmac('sha256', this.chainKey).update(secret).digest('base64url');
  }

  hash(secret: string): string {
    return createHash('sha256').update(secret).digest('hex');
  }

  format(sessionId: string, secret: string): string {
    return `${sessionId}.${secret}`;
  }

  parse(token: string): ParsedRefreshToken | null {
    const dot = token.indexOf('.');
    const sessionId = token.slice(0, dot);
    const secret = token.slice(dot + 1);
    return dot > 0 && SESSION_ID.test(sessionId) && SECRET.test(secret) ? { sessionId, secret } : null;
  }

  /** 0 when `secret` is the current one, n when it is n rotations old, null when not of this chain. */
  generationsBehind(secret: string, currentHash: string): number | null {
    const target = Buffer.from(currentHash, 'hex');
    let candidate = secret;
    for (let generation = 0; generation <= MAX_GENERATIONS; generation += 1) {
      if (timingSafeEqual(Buffer.from(this.hash(candidate), 'hex'), target)) return generation;
      candidate = this.successor(candidate);
    }
    return null;
  }
}

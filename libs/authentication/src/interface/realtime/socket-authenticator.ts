import { Injectable } from '@nestjs/common';
import { Secret, verify } from 'jsonwebtoken';
import { AppConfig, Clock } from '@fluentpro/shared';
import { SessionRepository } from '../../application/ports/session.repository';
import { AccessTokenVerifier, VerifiedClaims } from '../http/access-token.verifier';

export interface SocketPrincipal {
  userId: string;
  sessionId: string;
  /** When the access token expires (clock tolerance included): the socket closes then (4401). */
  expiresAt: Date;
}

export type SocketAuthentication =
  { ok: true; principal: SocketPrincipal } | { ok: false; reason: 'invalid' | 'revoked' };

/**
 * Authenticates a WebSocket with an access token exactly as the HTTP guard does (same key, pinned
 * RS256, issuer, audience, clock tolerance, live session), telling an invalid or expired token
 * ('invalid') from one whose session has ended ('revoked'). Exported for the API's gateway.
 */
@Injectable()
export class SocketAuthenticator {
  constructor(
    private readonly verifier: AccessTokenVerifier,
    private readonly sessions: SessionRepository,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  async authenticate(token: string): Promise<SocketAuthentication> {
    const claims = await this.verify(token);
    if (!claims || typeof claims.exp !== 'number') return { ok: false, reason: 'invalid' };
    const principal = await this.verifier.toPrincipal(claims, () => token);
    // A genuine, unexpired token with a subject that names no live session: its session has ended.
    if (!principal) return { ok: false, reason: typeof claims.sub === 'string' ? 'revoked' : 'invalid' };
    const tolerance = this.config.env.JWT_CLOCK_TOLERANCE_SECONDS;
    return { ok: true, principal: { ...principal, expiresAt: new Date((claims.exp + tolerance) * 1000) } };
  }

  /** Which of these sessions are still active (the gateway rechecks its sockets on every heartbeat). */
  activeSessions(sessionIds: string[]): Promise<Set<string>> {
    return this.sessions.findActiveIds(sessionIds, this.clock.now());
  }

  private async verify(token: string): Promise<VerifiedClaims | null> {
    const key = await new Promise<Secret | null>((resolve) =>
      this.verifier.keyProvider(null, token, (error, secret) => resolve(error || !secret ? null : secret)),
    );
    if (!key) return null;
    try {
      const payload = verify(token, key, {
        algorithms: ['RS256'],
        issuer: this.verifier.issuer,
        audience: this.verifier.audience,
        clockTolerance: this.config.env.JWT_CLOCK_TOLERANCE_SECONDS,
      });
      return typeof payload === 'string' ? null : payload;
    } catch {
      return null;
    }
  }
}

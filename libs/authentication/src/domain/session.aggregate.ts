import { randomUUID } from 'node:crypto';

export interface SessionState {
  id: string;
  userId: string;
  /** SHA-256 of the current refresh token's secret. */
  refreshTokenHash: string;
  /** When the current refresh token replaced its predecessor; null before the first rotation. */
  rotatedAt: Date | null;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  revokedReason: string | null;
  userAgent: string | null;
  ipAddress: string | null;
}

export type RevocationReason =
  | 'logout'
  | 'logout-all'
  | 'refresh-token-reuse'
  | 'provider-logout'
  | 'revoked-by-user'
  | 'password-changed'
  | 'account-deactivated'
  | 'revoked-by-admin';

/**
 * What a presented refresh token is to this session, given how many rotations behind the current one
 * it stands (0 = current, null = not of this session at all).
 */
export type PresentedToken = 'current' | 'predecessor-within-reuse-interval' | 'reused' | 'foreign';

/** A signed-in device: one refresh-token family, rotated on every use. */
export class Session {
  private constructor(private state: SessionState) {}

  static start(input: {
    userId: string;
    refreshTokenHash: string;
    now: Date;
    lifetimeSeconds: number;
    userAgent?: string | null;
    ipAddress?: string | null;
    id?: string;
  }): Session {
    return new Session({
      id: input.id ?? randomUUID(),
      userId: input.userId,
      refreshTokenHash: input.refreshTokenHash,
      rotatedAt: null,
      createdAt: input.now,
      lastUsedAt: input.now,
      expiresAt: new Date(input.now.getTime() + input.lifetimeSeconds * 1000),
      revokedAt: null,
      revokedReason: null,
      userAgent: input.userAgent?.slice(0, 512) ?? null,
      ipAddress: input.ipAddress?.slice(0, 64) ?? null,
    });
  }

  static restore(state: SessionState): Session {
    return new Session({ ...state });
  }

  isActive(now: Date): boolean {
    return this.state.revokedAt === null && now < this.state.expiresAt;
  }

  /**
   * The immediate predecessor is honoured for the reuse interval after the rotation (racing tabs);
   * any older token of the family, or the predecessor after the interval, is a reuse.
   */
  assess(generationsBehind: number | null, now: Date, reuseIntervalSeconds: number): PresentedToken {
    if (generationsBehind === null) return 'foreign';
    if (generationsBehind === 0) return 'current';
    const rotatedAt = this.state.rotatedAt;
    const withinInterval =
      rotatedAt !== null && now.getTime() - rotatedAt.getTime() <= reuseIntervalSeconds * 1000;
    return generationsBehind === 1 && withinInterval ? 'predecessor-within-reuse-interval' : 'reused';
  }

  rotate(nextTokenHash: string, now: Date): void {
    this.state = { ...this.state, refreshTokenHash: nextTokenHash, rotatedAt: now, lastUsedAt: now };
  }

  revoke(reason: RevocationReason, now: Date): void {
    if (this.state.revokedAt !== null) return;
    this.state = { ...this.state, revokedAt: now, revokedReason: reason };
  }

  get id(): string {
    return this.state.id;
  }
  get userId(): string {
    return this.state.userId;
  }
  get refreshTokenHash(): string {
    return this.state.refreshTokenHash;
  }
  get revokedAt(): Date | null {
    return this.state.revokedAt;
  }
  get revokedReason(): string | null {
    return this.state.revokedReason;
  }

  snapshot(): Readonly<SessionState> {
    return { ...this.state };
  }
}

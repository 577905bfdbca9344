/** Who acted: an admin through the API, or an operator through the CLI (no user id). */
export interface Actor {
  type: 'admin' | 'cli';
  userId: string | null;
}

/** Every admin action is named here; the audit log's `action` column holds these values. */
export const ADMIN_ACTIONS = [
  'users.search',
  'user.view',
  'user.deactivate',
  'user.reactivate',
  'user.session.revoke',
  'user.sessions.revoke-all',
  'onboarding.funnel.view',
  'dead-letters.list',
  'dead-letter.replay',
  'admin.create',
  'admin.promote',
  'admin.demote',
] as const;
export type AdminAction = (typeof ADMIN_ACTIONS)[number];

export type AuditTargetType = 'user' | 'session' | 'job';

export interface AuditEntryState {
  /** Assigned by the store (ascending); null before the entry is saved. */
  id: number | null;
  actor: Actor;
  action: AdminAction;
  targetType: AuditTargetType | null;
  targetId: string | null;
  /** The request that did it (x-request-id), to find its log lines. */
  requestId: string | null;
  details: Record<string, unknown>;
  occurredAt: Date;
}

/** One line of the audit log: who did what, to what, when, in which request. Append-only. */
export class AuditEntry {
  private constructor(private readonly state: AuditEntryState) {}

  static record(input: {
    actor: Actor;
    action: AdminAction;
    target?: { type: AuditTargetType; id: string } | null;
    requestId?: string | null;
    details?: Record<string, unknown>;
    now: Date;
  }): AuditEntry {
    return new AuditEntry({
      id: null,
      actor: { ...input.actor },
      action: input.action,
      targetType: input.target?.type ?? null,
      targetId: input.target?.id ?? null,
      requestId: input.requestId ?? null,
      details: { ...(input.details ?? {}) },
      occurredAt: input.now,
    });
  }

  static restore(state: AuditEntryState): AuditEntry {
    return new AuditEntry({ ...state });
  }

  snapshot(): Readonly<AuditEntryState> {
    return { ...this.state };
  }
}

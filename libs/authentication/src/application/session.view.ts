import type { Session } from '../domain/session.aggregate';

export interface SessionView {
  id: string;
  user_agent: string | null;
  ip_address: string | null;
  created_at: string;
  last_used_at: string;
  expires_at: string;
  /** The session of the access token that asked. */
  current: boolean;
}

export function toSessionView(session: Session, currentSessionId: string | null): SessionView {
  const state = session.snapshot();
  return {
    id: state.id,
    user_agent: state.userAgent,
    ip_address: state.ipAddress,
    created_at: state.createdAt.toISOString(),
    last_used_at: state.lastUsedAt.toISOString(),
    expires_at: state.expiresAt.toISOString(),
    current: state.id === currentSessionId,
  };
}

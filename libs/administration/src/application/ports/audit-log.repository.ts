import type { AdminAction, AuditEntry } from '../../domain/audit-entry';

export interface AuditLogFilter {
  actorId?: string;
  action?: AdminAction;
  targetId?: string;
  limit: number;
  offset: number;
}

export abstract class AuditLogRepository {
  abstract append(entry: AuditEntry): Promise<void>;
  /** Newest first. */
  abstract find(filter: AuditLogFilter): Promise<{ entries: AuditEntry[]; total: number }>;
}

import { AdminAction, AuditEntry, AuditTargetType } from '../../domain/audit-entry';
import { AuditLogEntryRecord } from './audit-log-entry.orm-entity';

export const AuditEntryMapper = {
  toDomain(record: AuditLogEntryRecord): AuditEntry {
    return AuditEntry.restore({
      id: Number(record.id),
      actor: { type: record.actorType, userId: record.actorId },
      action: record.action as AdminAction,
      targetType: record.targetType as AuditTargetType | null,
      targetId: record.targetId,
      requestId: record.requestId,
      details: JSON.parse(record.details) as Record<string, unknown>,
      occurredAt: record.occurredAt,
    });
  },

  toRecord(entry: AuditEntry): Omit<AuditLogEntryRecord, 'id'> {
    const state = entry.snapshot();
    return {
      occurredAt: state.occurredAt,
      actorType: state.actor.type,
      actorId: state.actor.userId,
      action: state.action,
      targetType: state.targetType,
      targetId: state.targetId,
      requestId: state.requestId,
      details: JSON.stringify(state.details),
    };
  },
};

import { Injectable } from '@nestjs/common';
import type { AdminAction } from '../../domain/audit-entry';
import { offsetOf, Page, PageRequest, pageOf } from '../admin-request';
import { AuditLogRepository } from '../ports/audit-log.repository';

export interface AuditLogEntryView {
  id: number;
  occurred_at: string;
  actor_type: 'admin' | 'cli';
  actor_id: string | null;
  action: AdminAction;
  target_type: string | null;
  target_id: string | null;
  request_id: string | null;
  details: Record<string, unknown>;
}

export interface AuditLogQuery extends PageRequest {
  actorId?: string;
  action?: AdminAction;
  targetId?: string;
}

/** The audit log, newest first. Reading it is not itself recorded (it would only record itself). */
@Injectable()
export class ReadAuditLogHandler {
  constructor(private readonly log: AuditLogRepository) {}

  async execute(query: AuditLogQuery): Promise<Page<AuditLogEntryView>> {
    const { entries, total } = await this.log.find({
      actorId: query.actorId,
      action: query.action,
      targetId: query.targetId,
      ...offsetOf(query),
    });
    const items = entries.map((entry) => {
      const state = entry.snapshot();
      return {
        id: state.id!,
        occurred_at: state.occurredAt.toISOString(),
        actor_type: state.actor.type,
        actor_id: state.actor.userId,
        action: state.action,
        target_type: state.targetType,
        target_id: state.targetId,
        request_id: state.requestId,
        details: state.details,
      };
    });
    return pageOf(items, total, query);
  }
}

import { Injectable } from '@nestjs/common';
import { Clock, UnitOfWork } from '@fluentpro/shared';
import { AdminAction, AuditEntry, AuditTargetType } from '../domain/audit-entry';
import type { AdminRequest } from './admin-request';
import { AuditLogRepository } from './ports/audit-log.repository';

export interface AuditDescription {
  target?: { type: AuditTargetType; id: string } | null;
  details?: Record<string, unknown>;
}

/**
 * Runs an admin action and writes its audit row in the same transaction (the other context's
 * facade joins it): an action that fails leaves no row, and no action commits without its row.
 */
@Injectable()
export class AuditTrail {
  constructor(
    private readonly log: AuditLogRepository,
    private readonly unitOfWork: UnitOfWork,
    private readonly clock: Clock,
  ) {}

  run<T>(
    request: AdminRequest,
    action: AdminAction,
    work: () => Promise<T>,
    describe: (result: T) => AuditDescription = () => ({}),
  ): Promise<T> {
    return this.unitOfWork.run(async () => {
      const result = await work();
      const { target, details } = describe(result);
      await this.log.append(
        AuditEntry.record({
          actor: request.actor,
          action,
          target,
          requestId: request.requestId,
          details,
          now: this.clock.now(),
        }),
      );
      return result;
    });
  }
}

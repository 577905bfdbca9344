import { Injectable } from '@nestjs/common';
import { AppConfig, MAINTENANCE_JOBS, MaintenanceTask } from '@fluentpro/shared';
import { SessionRepository } from '../ports/session.repository';

/**
 * The authentication side of the repeatable purge job: sessions past their absolute lifetime go at
 * once, revoked sessions after RETENTION_DAYS (their tokens are refused either way).
 */
@Injectable()
export class PurgeExpiredSessionsTask extends MaintenanceTask {
  readonly jobName = MAINTENANCE_JOBS.purgeExpiredSessions;

  constructor(
    private readonly sessions: SessionRepository,
    private readonly config: AppConfig,
  ) {
    super();
  }

  run(now: Date): Promise<number> {
    const revokedBefore = new Date(now.getTime() - this.config.env.RETENTION_DAYS * 86_400_000);
    return this.sessions.deleteFinished(now, revokedBefore);
  }
}

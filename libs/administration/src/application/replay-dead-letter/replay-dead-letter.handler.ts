import { Inject, Injectable, Optional } from '@nestjs/common';
import { DeadLetteredJob, DeadLetterStore, NotFoundError } from '@fluentpro/shared';
import type { AdminRequest } from '../admin-request';
import { AuditTrail } from '../audit-trail';

export class DeadLetteredJobNotFoundError extends NotFoundError {
  override readonly code = 'ADMIN.DEAD_LETTER_NOT_FOUND';

  constructor() {
    super('Job not found', 'No dead-lettered job has this id');
  }
}

/** Puts a dead-lettered job back on its queue (its consumers are idempotent, so a replay is safe). */
@Injectable()
export class ReplayDeadLetterHandler {
  constructor(
    private readonly audit: AuditTrail,
    // Explicit token: the design type of a `T | null` parameter is Object.
    @Optional() @Inject(DeadLetterStore) private readonly store: DeadLetterStore | null,
  ) {}

  execute(request: AdminRequest, jobId: string): Promise<DeadLetteredJob> {
    return this.audit.run(
      request,
      'dead-letter.replay',
      async () => {
        const job = this.store ? await this.store.replay(jobId) : null;
        if (!job) throw new DeadLetteredJobNotFoundError();
        return job;
      },
      (job) => ({
        target: { type: 'job', id: job.id },
        details: { queue: job.queue, event_type: job.eventType },
      }),
    );
  }
}

import { Inject, Injectable, Optional } from '@nestjs/common';
import { DeadLetteredJob, DeadLetterStore } from '@fluentpro/shared';
import { AdminRequest, offsetOf, Page, PageRequest, pageOf } from '../admin-request';
import { AuditTrail } from '../audit-trail';

/** Jobs that exhausted their attempts, newest first; none in an app without the events module. */
@Injectable()
export class ListDeadLettersHandler {
  constructor(
    private readonly audit: AuditTrail,
    // Explicit token: the design type of a `T | null` parameter is Object.
    @Optional() @Inject(DeadLetterStore) private readonly store: DeadLetterStore | null,
  ) {}

  async execute(request: AdminRequest, page: PageRequest): Promise<Page<DeadLetteredJob>> {
    const { items, total } = await this.audit.run(request, 'dead-letters.list', () =>
      this.store ? this.store.list(offsetOf(page)) : Promise.resolve({ items: [], total: 0 }),
    );
    return pageOf(items, total, page);
  }
}

import { Inject, Injectable, OnModuleInit, Optional } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { AppConfig } from '../../config/app-config';
import { Clock } from '../../domain/clock';
import { EventPublisher } from '../outbox/event-publisher';
import { OutboxStore } from '../outbox/outbox.store';
import { ReadinessRegistry } from '../observability/readiness';
import { EventsOptions } from './maintenance.scheduler';
import { queueToken, QUEUES } from './queue-catalog';
import { withTimeout } from '../with-timeout';

const QUEUE_COUNTS_TIMEOUT_MS = 1000;

/**
 * The outbox's part of readiness (`details.outbox`): the backlog, ready while it stays under
 * OUTBOX_READY_MAX_PENDING (a backlog while Redis is down is expected and drains by itself; one that
 * keeps growing means delivery is broken), and the integration-events queue's counts when BullMQ is in
 * use. Whether Redis answers is the `redis` indicator of the ObservabilityModule. In the worker the
 * backlog is reported but never makes it unready: the worker is what drains it, and a worker taken
 * out of rotation (or a rollout stalled) by the backlog it should work off helps nobody.
 */
@Injectable()
export class EventsHealthIndicator implements OnModuleInit {
  constructor(
    private readonly outbox: OutboxStore,
    private readonly publisher: EventPublisher,
    private readonly clock: Clock,
    private readonly config: AppConfig,
    private readonly options: EventsOptions,
    @Optional() private readonly registry?: ReadinessRegistry,
    @Optional() @Inject(queueToken(QUEUES.integrationEvents)) private readonly queue?: Queue,
  ) {}

  onModuleInit(): void {
    this.registry?.register({ name: 'outbox', check: () => this.checkOutbox() });
  }

  async checkOutbox(): Promise<Record<string, unknown>> {
    const backlog = await this.outbox.backlog(this.clock.now());
    const limit = this.config.env.OUTBOX_READY_MAX_PENDING;
    if (backlog.pending > limit && this.options.role === 'api') {
      throw new Error(`${backlog.pending} events wait for delivery (more than ${limit})`);
    }
    return {
      delivery: this.publisher.mode,
      pending: backlog.pending,
      oldest_pending_seconds: backlog.oldestPendingSeconds,
      ...(this.queue ? { queue: await this.queueCounts() } : {}),
    };
  }

  /** Job counts of the integration-events queue, or null when Redis does not answer in time. */
  private queueCounts(): Promise<Record<string, number> | null> {
    const counts = this.queue!.getJobCounts('waiting', 'active', 'delayed', 'failed');
    return withTimeout(counts, QUEUE_COUNTS_TIMEOUT_MS).catch(() => null);
  }
}

import { getQueueToken } from '@nestjs/bullmq';
import { Inject, Injectable, Optional } from '@nestjs/common';
import type { HealthIndicatorFunction, HealthIndicatorResult } from '@nestjs/terminus';
import type { Queue } from 'bullmq';
import { Clock } from '../../domain/clock';
import { describeError } from '../outbox/event-dispatcher';
import { EventPublisher } from '../outbox/event-publisher';
import { OutboxStore } from '../outbox/outbox.store';
import { QUEUES } from './queue-catalog';

const REDIS_PING_TIMEOUT_MS = 1000;

/**
 * Readiness details of the events machinery: the outbox backlog (informational: a backlog while Redis
 * is down is expected and drains by itself) and, when configured, whether Redis answers.
 */
@Injectable()
export class EventsHealthIndicator {
  constructor(
    private readonly outbox: OutboxStore,
    private readonly publisher: EventPublisher,
    private readonly clock: Clock,
    @Optional() @Inject(getQueueToken(QUEUES.integrationEvents)) private readonly queue?: Queue,
  ) {}

  checks(): HealthIndicatorFunction[] {
    return this.queue ? [() => this.checkOutbox(), () => this.checkRedis()] : [() => this.checkOutbox()];
  }

  async checkOutbox(): Promise<HealthIndicatorResult> {
    try {
      const backlog = await this.outbox.backlog(this.clock.now());
      return {
        outbox: {
          status: 'up',
          delivery: this.publisher.mode,
          pending: backlog.pending,
          oldest_pending_seconds: backlog.oldestPendingSeconds,
        },
      };
    } catch (error) {
      return { outbox: { status: 'down', message: describeError(error) } };
    }
  }

  /** Redis answers, with the integration-events queue's counts. */
  async checkRedis(): Promise<HealthIndicatorResult> {
    let timer: NodeJS.Timeout | undefined;
    try {
      const counts = this.queue!.getJobCounts('waiting', 'active', 'delayed', 'failed');
      counts.catch(() => undefined);
      const { waiting, active, delayed, failed } = await Promise.race([
        counts,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error('no answer within 1 s')), REDIS_PING_TIMEOUT_MS);
        }),
      ]);
      return { redis: { status: 'up', queue: { waiting, active, delayed, failed } } };
    } catch (error) {
      return { redis: { status: 'down', message: describeError(error) } };
    } finally {
      clearTimeout(timer);
    }
  }
}

import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { Injectable, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { Clock } from '../../domain/clock';
import { describeError } from './event-dispatcher';
import { EventPublisher, PublishUnavailableError } from './event-publisher';
import { OutboxStore } from './outbox.store';

/** Backoff between attempts never grows past this. */
const MAX_BACKOFF_MS = 60_000;

/** The delay before attempt `attempts + 1`: JOB_BACKOFF_MS, doubled after every failure. */
export function backoffDelay(baseMs: number, attempts: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

/**
 * Moves committed outbox rows to the publisher: woken right after a commit in this process and every
 * OUTBOX_POLL_INTERVAL_MS for rows written by other processes or due for a retry. A drain starts at
 * most once per OUTBOX_WAKE_COALESCE_MS, so under load many commits share one claim instead of paying
 * a claim and a mark-sent transaction each; a wake on an idle relay still drains at once. Each batch
 * is claimed with a lease, delivered in order, then marked sent. When the transport is down (Redis)
 * the batch is given back in place and the relay pauses with exponential backoff, so the backlog is
 * later published in its original order; when one event's handler fails (in-process) only that row is
 * rescheduled with backoff. Nothing is deleted until the retention purge: a crash or an outage loses
 * nothing.
 */
@Injectable()
export class OutboxRelay implements OnApplicationBootstrap, OnModuleDestroy {
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  private readonly logger = new Logger('OutboxRelay');
  private timer?: NodeJS.Timeout;
  /** The coalesced drain waiting for its turn (never set while one runs). */
  private pending?: NodeJS.Timeout;
  private draining: Promise<void> | null = null;
  private wakeAgain = false;
  /** performance.now() when the last drain started: monotonic, as timers are. */
  private lastDrainStart = -Infinity;
  private started = false;
  private stopped = false;
  /** Consecutive transport failures, and no claim before this time (ms). */
  private outages = 0;
  private pausedUntil = 0;

  constructor(
    private readonly store: OutboxStore,
    private readonly publisher: EventPublisher,
    private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.config.env.OUTBOX_RELAY_ENABLED) return;
    this.started = true;
    this.timer = setInterval(() => this.wake(), this.config.env.OUTBOX_POLL_INTERVAL_MS);
    this.timer.unref();
    this.wake();
  }

  /** Finishes the batch in flight, then stops (before the database connection closes). */
  async onModuleDestroy(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    clearTimeout(this.pending);
    await this.draining;
  }

  /**
   * Asks for a drain: at once if none started in the last OUTBOX_WAKE_COALESCE_MS, else when that
   * interval is over. Calls while a drain runs make it go round once more, on the same terms.
   */
  wake(): void {
    if (!this.started || this.stopped || this.pending) return;
    if (this.draining) {
      this.wakeAgain = true;
      return;
    }
    const wait = this.lastDrainStart + this.config.env.OUTBOX_WAKE_COALESCE_MS - performance.now();
    if (wait <= 0) {
      this.startDrain();
      return;
    }
    this.pending = setTimeout(() => {
      this.pending = undefined;
      this.startDrain();
    }, wait);
    this.pending.unref();
  }

  private startDrain(): void {
    this.lastDrainStart = performance.now();
    this.wakeAgain = false;
    this.draining = this.drain().finally(() => {
      this.draining = null;
      if (this.wakeAgain) this.wake();
    });
  }

  /** Relays due rows until none is left or a batch makes no progress. */
  private async drain(): Promise<void> {
    while (!this.stopped && (await this.relayBatch())) {
      // keep going while full batches were delivered
    }
  }

  /**
   * One batch: claim, deliver, record the outcome. Returns true when another batch may be waiting.
   * Never throws: a database or Redis outage is logged and retried on the next wake-up.
   */
  async relayBatch(): Promise<boolean> {
    const { OUTBOX_BATCH_SIZE: batchSize, OUTBOX_LEASE_SECONDS: leaseSeconds } = this.config.env;
    try {
      const now = this.clock.now();
      if (now.getTime() < this.pausedUntil) return false;
      const leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
      const claimed = await this.store.claim(this.id, batchSize, now, leaseUntil);
      if (claimed.length === 0) return false;
      let results;
      try {
        results = await this.publisher.deliver(claimed);
      } catch (error) {
        if (!(error instanceof PublishUnavailableError)) throw error;
        await this.pause(
          claimed.map((message) => message.position),
          error.message,
        );
        return false;
      }
      if (this.outages > 0) this.logger.log(`Publishing again after ${this.outages} failed attempt(s)`);
      this.outages = 0;
      const done = this.clock.now();
      const sent: number[] = [];
      let progress = false;
      for (const [index, message] of claimed.entries()) {
        const result = results[index];
        if (result.outcome === 'delivered') {
          sent.push(message.position);
          progress = true;
        } else if (result.outcome === 'dead-lettered') {
          await this.store.markSent(this.id, [message.position], done, result.error);
          progress = true;
        } else {
          const attempts = message.attempts + 1;
          const delay = backoffDelay(this.config.env.JOB_BACKOFF_MS, attempts);
          await this.store.reschedule(
            this.id,
            message.position,
            attempts,
            new Date(done.getTime() + delay),
            result.error,
          );
          this.logger.warn(
            `${message.event.type} ${message.event.id} not delivered (attempt ${attempts}), retry in ${delay} ms: ${result.error}`,
          );
        }
      }
      await this.store.markSent(this.id, sent, done);
      return progress && claimed.length === batchSize;
    } catch (error) {
      this.logger.error(`Outbox relay batch failed: ${describeError(error)}`);
      return false;
    }
  }

  private async pause(positions: number[], reason: string): Promise<void> {
    this.outages += 1;
    const delay = backoffDelay(this.config.env.JOB_BACKOFF_MS, this.outages);
    this.pausedUntil = this.clock.now().getTime() + delay;
    await this.store.release(this.id, positions, reason);
    this.logger.warn(
      `Cannot publish (${reason}); ${positions.length} event(s) stay in the outbox, next try in ${delay} ms`,
    );
  }
}

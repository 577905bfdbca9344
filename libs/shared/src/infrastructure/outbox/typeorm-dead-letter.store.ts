import { Injectable } from '@nestjs/common';
import { DeadLetteredJob, DeadLetterStore } from '../../application/dead-letter-store';
import { Clock } from '../../domain/clock';
import type { IntegrationEvent } from '../../events/integration-event';
import { TypeOrmUnitOfWork } from '../database/typeorm-unit-of-work';
import { QUEUES } from '../queues/queue-catalog';
import { DeadLetterRecord } from './dead-letter.orm-entity';
import { EventPublisher } from './event-publisher';
import { OutboxRelay } from './outbox.relay';
import { OutboxStore } from './outbox.store';

/**
 * The `dead_letters` table as administration sees it. A replay sends the event back through the
 * outbox with fresh attempts: its row is reset (or written again from the stored envelope when the
 * purge removed it) and the relay publishes it as it did the first time, to BullMQ or to the handlers
 * in this process. Handlers that already succeeded skip it (`processed_events`); every dead letter of
 * the event is cleared, and a handler that fails again is dead-lettered again.
 */
@Injectable()
export class TypeOrmDeadLetterStore extends DeadLetterStore {
  constructor(
    private readonly unitOfWork: TypeOrmUnitOfWork,
    private readonly outbox: OutboxStore,
    private readonly publisher: EventPublisher,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {
    super();
  }

  async list(page: { limit: number; offset: number }): Promise<{ items: DeadLetteredJob[]; total: number }> {
    const repository = this.unitOfWork.manager.getRepository(DeadLetterRecord);
    const [records, total] = await repository.findAndCount({
      order: { failedAt: 'DESC', id: 'ASC' },
      take: page.limit,
      skip: page.offset,
    });
    return { items: records.map((record) => this.toJob(record)), total };
  }

  async replay(id: string): Promise<DeadLetteredJob | null> {
    const letter = await this.unitOfWork.manager.getRepository(DeadLetterRecord).findOneBy({ id });
    if (!letter) return null;
    const event = letter.envelope as IntegrationEvent;
    // First, so that publishing the event again is not taken for a duplicate of its failed job.
    await this.publisher.prepareRedelivery(event.id);
    const replayed = await this.unitOfWork.run(async () => {
      // Deleting first claims the replay: of two at once, the second finds nothing left (404).
      const { affected: cleared } = await this.unitOfWork.query(
        `DELETE FROM "dead_letters" WHERE "event_id" = :eventId`,
        { eventId: event.id },
      );
      if (cleared === 0) return false;
      await this.outbox.requeue(event, this.clock.now());
      // Once committed (the caller's transaction too: an admin's replay is audited in one).
      this.unitOfWork.afterCommit(() => this.relay.wake());
      return true;
    });
    return replayed ? this.toJob(letter) : null;
  }

  private toJob(record: DeadLetterRecord): DeadLetteredJob {
    return {
      id: record.id,
      queue: this.publisher.mode === 'bullmq' ? QUEUES.integrationEvents : 'in-process',
      eventType: record.eventType,
      attempts: record.attempts,
      lastError: record.error,
      failedAt: record.failedAt.toISOString(),
    };
  }
}

import { Injectable } from '@nestjs/common';
import { Clock } from '../../domain/clock';
import { EventOutbox, IntegrationEvent } from '../../events/integration-event';
import { TypeOrmUnitOfWork } from '../database/typeorm-unit-of-work';
import { OutboxRelay } from './outbox.relay';
import { OutboxStore } from './outbox.store';

/**
 * The EventOutbox port: rows join the caller's transaction (UnitOfWork.run), so they commit or roll
 * back with the aggregate; once committed, the relay of this process is woken to deliver them.
 */
@Injectable()
export class TypeOrmEventOutbox extends EventOutbox {
  constructor(
    private readonly unitOfWork: TypeOrmUnitOfWork,
    private readonly store: OutboxStore,
    private readonly relay: OutboxRelay,
    private readonly clock: Clock,
  ) {
    super();
  }

  async record(...events: IntegrationEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.unitOfWork.run(async () => {
      await this.store.append(events, this.clock.now());
      this.unitOfWork.afterCommit(() => this.relay.wake());
    });
  }
}

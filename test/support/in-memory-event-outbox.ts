import { Global, Injectable, Module, OnApplicationBootstrap } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { EventOutbox, IntegrationEvent, IntegrationEventHandler, TypeOrmUnitOfWork } from '@fluentpro/shared';

/**
 * TEST DOUBLE ONLY. A small in-memory EventOutbox that stands in for the transactional outbox (built
 * on the events branch) so the onboarding flow can be tested end to end: events recorded inside a
 * unit of work are kept per transaction, dropped on rollback and, after commit, delivered in-process
 * to the IntegrationEventHandler providers of the app, once per (handler, event id).
 *
 * `mode = 'manual'` holds committed events until `deliverPending()`, so a test can observe the state
 * before the worker has run (a pending learning plan).
 */
@Injectable()
export class InMemoryEventOutbox extends EventOutbox implements OnApplicationBootstrap {
  mode: 'immediate' | 'manual' = 'immediate';
  /** Every committed event, in commit order. */
  readonly committed: IntegrationEvent[] = [];
  private readonly recording = new Map<QueryRunner, IntegrationEvent[]>();
  private readonly held: IntegrationEvent[] = [];
  private readonly processed = new Set<string>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly failures: unknown[] = [];
  private handlers: IntegrationEventHandler[] = [];

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly unitOfWork: TypeOrmUnitOfWork,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super();
  }

  onApplicationBootstrap(): void {
    this.handlers = this.discovery
      .getProviders()
      .map((wrapper) => wrapper.instance as unknown)
      .filter((instance): instance is IntegrationEventHandler => instance instanceof IntegrationEventHandler);
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: ({ queryRunner }) => this.committedTransaction(queryRunner),
      afterTransactionRollback: ({ queryRunner }) => {
        if (!queryRunner.isTransactionActive) this.recording.delete(queryRunner);
      },
    };
    this.dataSource.subscribers.push(subscriber);
  }

  record(...events: IntegrationEvent[]): Promise<void> {
    const runner = this.unitOfWork.manager.queryRunner;
    if (!runner?.isTransactionActive)
      throw new Error('EventOutbox.record must be called inside UnitOfWork.run');
    this.recording.set(runner, [...(this.recording.get(runner) ?? []), ...events]);
    return Promise.resolve();
  }

  /** Delivers an event as if another context had published it (e.g. authentication.user-registered.v1). */
  async publish(event: IntegrationEvent): Promise<void> {
    this.committed.push(event);
    await this.dispatch(event);
  }

  /** Delivers the events held in manual mode. */
  async deliverPending(): Promise<void> {
    for (const event of this.held.splice(0)) await this.dispatch(event);
  }

  /** Resolves when every delivery started so far has finished; rejects if a handler failed. */
  async idle(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    if (this.failures.length > 0) throw this.failures.splice(0)[0];
  }

  handlerNames(): string[] {
    return this.handlers.map((handler) => `${handler.eventType} -> ${handler.name}`);
  }

  private committedTransaction(runner: QueryRunner): void {
    if (runner.isTransactionActive) return; // a savepoint inside the outer transaction
    const events = this.recording.get(runner) ?? [];
    this.recording.delete(runner);
    for (const event of events) {
      this.committed.push(event);
      if (this.mode === 'manual') {
        this.held.push(event);
        continue;
      }
      const delivery = this.deliverAfterTransaction(event);
      this.inFlight.add(delivery);
      void delivery.then(() => this.inFlight.delete(delivery));
    }
  }

  /** After the transaction has fully ended (the SQLite lock released), as a relay would; never rejects. */
  private async deliverAfterTransaction(event: IntegrationEvent): Promise<void> {
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      await this.dispatch(event);
    } catch (error) {
      this.failures.push(error);
    }
  }

  private async dispatch(event: IntegrationEvent): Promise<void> {
    for (const handler of this.handlers.filter((candidate) => candidate.eventType === event.type)) {
      const key = `${handler.name}:${event.id}`;
      if (this.processed.has(key)) continue;
      await handler.handle(event);
      this.processed.add(key);
    }
  }
}

@Global()
@Module({
  imports: [DiscoveryModule],
  providers: [InMemoryEventOutbox, { provide: EventOutbox, useExisting: InMemoryEventOutbox }],
  exports: [EventOutbox, InMemoryEventOutbox],
})
export class InMemoryEventsModule {}

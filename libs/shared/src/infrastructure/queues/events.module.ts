import { DynamicModule, Global, Module, Provider } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { DeadLetterStore } from '../../application/dead-letter-store';
import { EventOutbox } from '../../events/integration-event';
import { AppConfig } from '../../config/app-config';
import { EventDispatcher } from '../outbox/event-dispatcher';
import { EventInbox } from '../outbox/event-inbox';
import { EventPublisher } from '../outbox/event-publisher';
import { HandlerDiscovery } from '../outbox/handler-discovery';
import { InProcessEventPublisher } from '../outbox/in-process-event.publisher';
import { OutboxRelay } from '../outbox/outbox.relay';
import { OutboxStore } from '../outbox/outbox.store';
import { TypeOrmDeadLetterStore } from '../outbox/typeorm-dead-letter.store';
import { TypeOrmEventOutbox } from '../outbox/typeorm-event-outbox';
import { DeliveredEventsPurgeTask } from './delivered-events-purge.task';
import { EventsHealthIndicator } from './events.health';
import { MaintenanceRunner } from './maintenance.runner';
import { EventsOptions, EventsRole, MaintenanceScheduler } from './maintenance.scheduler';

/**
 * Integration events for a whole app: the EventOutbox port, the relay, handler discovery, the
 * idempotent dispatcher, the dead letters (DeadLetterStore), maintenance jobs and, when REDIS_URL is
 * set, the BullMQ queues. Imported once by the API (`role: 'api'`) and by the worker
 * (`role: 'worker'`); the database module must be there too.
 */
@Global()
@Module({})
export class EventsModule {
  static forRoot(config: AppConfig, options: { role: EventsRole }): DynamicModule {
    const redisUrl = config.env.REDIS_URL;
    // BullMQ is required only with Redis (docs/performance.md, start-up).
    type Queues = typeof import('./bullmq-queues');
    const bullMq = redisUrl
      ? // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
        (require('./bullmq-queues') as Queues).bullMqQueues(config, redisUrl)
      : null;
    const queues = bullMq?.imports ?? [];
    const publisher: Provider = {
      provide: EventPublisher,
      useClass: bullMq?.publisher ?? InProcessEventPublisher,
    };
    return {
      module: EventsModule,
      imports: [DiscoveryModule, ...queues],
      providers: [
        { provide: EventsOptions, useValue: new EventsOptions(options.role) },
        OutboxStore,
        EventInbox,
        HandlerDiscovery,
        EventDispatcher,
        publisher,
        OutboxRelay,
        TypeOrmEventOutbox,
        { provide: EventOutbox, useExisting: TypeOrmEventOutbox },
        TypeOrmDeadLetterStore,
        { provide: DeadLetterStore, useExisting: TypeOrmDeadLetterStore },
        MaintenanceRunner,
        MaintenanceScheduler,
        DeliveredEventsPurgeTask,
        EventsHealthIndicator,
        ...(bullMq?.providers ?? []),
      ],
      exports: [
        EventOutbox,
        DeadLetterStore,
        OutboxRelay,
        HandlerDiscovery,
        EventDispatcher,
        MaintenanceRunner,
        MaintenanceScheduler,
        EventsHealthIndicator,
        ...queues,
      ],
    };
  }
}

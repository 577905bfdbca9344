import { BullModule } from '@nestjs/bullmq';
import type { DynamicModule, Provider, Type } from '@nestjs/common';
import { AppConfig } from '../../config/app-config';
import { EventPublisher } from '../outbox/event-publisher';
import { BullMqEventPublisher } from './bullmq-event.publisher';
import { QueueConnectionMonitor } from './queue-connection.monitor';
import { defaultJobOptions, QUEUES } from './queue-catalog';

/**
 * What EventsModule adds when REDIS_URL is set: the BullMQ queues, the publisher that feeds them and
 * the connection monitor. Required only then: BullMQ and ioredis are ~200 files the embedded mode
 * never uses (docs/performance.md, start-up).
 */
export function bullMqQueues(
  config: AppConfig,
  redisUrl: string,
): { imports: DynamicModule[]; publisher: Type<EventPublisher>; providers: Provider[] } {
  return {
    imports: [
      BullModule.forRoot({ connection: { url: redisUrl }, prefix: config.env.QUEUE_PREFIX }),
      BullModule.registerQueue(
        ...Object.values(QUEUES).map((name) => ({ name, defaultJobOptions: defaultJobOptions(config) })),
      ),
    ],
    publisher: BullMqEventPublisher,
    providers: [QueueConnectionMonitor],
  };
}

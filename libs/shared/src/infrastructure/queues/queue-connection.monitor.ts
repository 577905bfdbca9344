import { getQueueToken } from '@nestjs/bullmq';
import { BeforeApplicationShutdown, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { describeError } from '../outbox/event-dispatcher';
import { QUEUES } from './queue-catalog';

/**
 * Listens to the queues' connection errors (BullMQ prints unhandled ones to the console) and logs an
 * outage once, and its end, instead of once per reconnection attempt. On shutdown during an outage
 * it drops the connections, which would otherwise wait for Redis to come back to say goodbye.
 */
@Injectable()
export class QueueConnectionMonitor implements OnModuleInit, BeforeApplicationShutdown {
  private readonly logger = new Logger('Redis');
  private down = false;

  constructor(private readonly moduleRef: ModuleRef) {}

  private get queues(): Queue[] {
    return Object.values(QUEUES).map((name) =>
      this.moduleRef.get<Queue>(getQueueToken(name), { strict: false }),
    );
  }

  onModuleInit(): void {
    for (const queue of this.queues) {
      queue.on('error', (error) => {
        if (!this.down) this.logger.warn(`Queue connection lost: ${describeError(error)}`);
        this.down = true;
      });
      queue.backend.on('ready', () => {
        if (this.down) this.logger.log('Queue connection restored');
        this.down = false;
      });
    }
  }

  async beforeApplicationShutdown(): Promise<void> {
    if (this.down) await Promise.all(this.queues.map((queue) => queue.disconnect()));
  }
}

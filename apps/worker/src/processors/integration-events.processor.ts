import { Processor, WorkerHost } from '@nestjs/bullmq';
import type { Job } from 'bullmq';
import { EventDispatcher, QUEUES, QueueJobData } from '@fluentpro/shared';

/** Turns an `integration-events` job into a dispatch to the event's handlers; BullMQ retries failures. */
@Processor(QUEUES.integrationEvents, { autorun: false })
export class IntegrationEventsProcessor extends WorkerHost {
  constructor(private readonly dispatcher: EventDispatcher) {
    super();
  }

  process(job: Job<QueueJobData['integration-events']>): Promise<void> {
    return this.dispatcher.dispatch(job.data, { number: job.attemptsMade + 1, max: job.opts.attempts ?? 1 });
  }
}

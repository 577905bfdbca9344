// The one file of @nestjs/bullmq that defines queue tokens: its index loads BullMQ and ioredis, which
// the embedded mode (no REDIS_URL) never needs (docs/performance.md, start-up).
import { getQueueToken } from '@nestjs/bullmq/dist/utils/get-queue-token.util';
import type { JobsOptions } from 'bullmq';
import type { AppConfig } from '../../config/app-config';
import { MAINTENANCE_JOBS, MaintenanceJobName } from '../../application/maintenance-task';
import { AUTHENTICATION_EVENTS } from '../../events/authentication.events';
import type { IntegrationEvent } from '../../events/integration-event';
import { ONBOARDING_EVENTS } from '../../events/onboarding.events';

/**
 * Every queue, job name and job payload, in one place. The relay publishes each outbox row to
 * `integration-events` as a job named after the event type with jobId = event id; the scheduler adds
 * `maintenance` jobs. The worker consumes both and refuses to start when a job has no handler.
 */
export const QUEUES = {
  integrationEvents: 'integration-events',
  maintenance: 'maintenance',
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

/** The Nest injection token of a queue registered with BullModule (`@InjectQueue(name)`). */
export function queueToken(name: QueueName): string {
  return getQueueToken(name);
}

/** Every integration event type a job may carry. A handler for any other type is a wiring mistake. */
export const INTEGRATION_EVENT_TYPES: readonly string[] = [
  ...Object.values(AUTHENTICATION_EVENTS),
  ...Object.values(ONBOARDING_EVENTS),
];

export const MAINTENANCE_JOB_NAMES: readonly MaintenanceJobName[] = Object.values(MAINTENANCE_JOBS);

/** Job data per queue. */
export interface QueueJobData {
  'integration-events': IntegrationEvent;
  maintenance: { scheduledAt?: string };
}

/** Retries with exponential backoff; finished jobs are kept for the retention period (jobId dedup). */
export function defaultJobOptions(config: AppConfig): JobsOptions {
  const retentionSeconds = config.env.RETENTION_DAYS * 86_400;
  return {
    attempts: config.env.JOB_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.env.JOB_BACKOFF_MS },
    removeOnComplete: { age: retentionSeconds, count: 50_000 },
    removeOnFail: { age: retentionSeconds },
  };
}

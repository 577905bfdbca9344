/** The housekeeping jobs, run on a schedule (a BullMQ job scheduler, or a timer in the embedded mode). */
export const MAINTENANCE_JOBS = {
  purgeExpiredSessions: 'purge-expired-sessions',
  purgeDeliveredEvents: 'purge-delivered-events',
} as const;

export type MaintenanceJobName = (typeof MAINTENANCE_JOBS)[keyof typeof MAINTENANCE_JOBS];

/**
 * One housekeeping job. Contexts provide implementations as plain Nest providers (the shared kernel
 * never imports a context); the events module discovers them, and the worker refuses to start when a
 * job of MAINTENANCE_JOBS has none.
 */
export abstract class MaintenanceTask {
  abstract readonly jobName: MaintenanceJobName;
  /** Does the work; returns how many records it removed (for the log). */
  abstract run(now: Date): Promise<number>;
}

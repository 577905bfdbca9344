/** A job that exhausted its attempts and was set aside (events/worker, issue 4). */
export interface DeadLetteredJob {
  id: string;
  queue: string;
  /** The integration event type the job carried, e.g. `onboarding.completed.v1`. */
  eventType: string;
  attempts: number;
  lastError: string;
  /** ISO 8601 UTC. */
  failedAt: string;
}

/**
 * The dead-letter store of the events infrastructure, as administration sees it. Implemented and
 * exported by the events module (`TypeOrmDeadLetterStore`); an app without that module has none, so
 * consumers inject it with `@Optional()` and then know no job (404).
 */
export abstract class DeadLetterStore {
  abstract list(page: {
    limit: number;
    offset: number;
  }): Promise<{ items: DeadLetteredJob[]; total: number }>;
  /** Puts the job back on its queue with its original id; null when no dead-lettered job has this id. */
  abstract replay(id: string): Promise<DeadLetteredJob | null>;
}

import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import type { IntegrationEvent } from '../../events/integration-event';
import { TypeOrmUnitOfWork } from '../database/typeorm-unit-of-work';

/**
 * Idempotent consumption and dead letters. `runOnce` records (event, handler) in processed_events
 * and runs the handler in the same transaction: a handler that fails leaves no record (so it is
 * retried), a handler that succeeded is never run again for that event, even when the event is
 * delivered twice at the same moment (the second insert waits on the first and then finds the row).
 */
@Injectable()
export class EventInbox {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {}

  /** Runs `work` unless `handler` already processed `eventId`; returns false for a duplicate. */
  runOnce(handler: string, eventId: string, now: Date, work: () => Promise<void>): Promise<boolean> {
    return this.unitOfWork.run(async () => {
      const { rows } = await this.unitOfWork.query(
        `INSERT INTO "processed_events" ("event_id", "handler", "processed_at")
         VALUES (:eventId, :handler, :now) ON CONFLICT DO NOTHING RETURNING "event_id"`,
        { eventId, handler, now },
      );
      if (rows.length === 0) return false;
      await work();
      return true;
    });
  }

  async deadLetter(
    event: IntegrationEvent,
    handler: string,
    error: string,
    attempts: number,
    now: Date,
  ): Promise<void> {
    await this.unitOfWork.runStatement(() =>
      this.unitOfWork.query(
        `INSERT INTO "dead_letters"
           ("id", "event_id", "event_type", "handler", "envelope", "error", "attempts", "failed_at")
         VALUES (:id, :eventId, :eventType, :handler, :envelope, :error, :attempts, :now)
         ON CONFLICT ("event_id", "handler")
         DO UPDATE SET "error" = :error, "attempts" = :attempts, "failed_at" = :now`,
        {
          id: randomUUID(),
          eventId: event.id,
          eventType: event.type,
          handler,
          envelope: JSON.stringify(event),
          error: error.slice(0, 4000),
          attempts,
          now,
        },
      ),
    );
  }

  async purgeProcessed(before: Date): Promise<number> {
    return this.unitOfWork.runStatement(async () => {
      const { affected } = await this.unitOfWork.query(
        `DELETE FROM "processed_events" WHERE "processed_at" < :before`,
        { before },
      );
      return affected;
    });
  }
}

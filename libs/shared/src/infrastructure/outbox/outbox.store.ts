import { Injectable } from '@nestjs/common';
import type { IntegrationEvent } from '../../events/integration-event';
import { insertRows } from '../database/insert-rows';
import { TypeOrmUnitOfWork } from '../database/typeorm-unit-of-work';
import { jsonTransformer, OutboxMessageRecord } from './outbox-message.orm-entity';

/** An outbox row claimed by one relay for the length of its lease. */
export interface ClaimedMessage {
  position: number;
  attempts: number;
  event: IntegrationEvent;
}

export interface OutboxBacklog {
  pending: number;
  oldestPendingSeconds: number | null;
}

/** SQLite returns `YYYY-MM-DD HH:MM:SS.SSS` (UTC) where PostgreSQL returns a Date. */
export function toDate(value: unknown): Date {
  if (value instanceof Date) return value;
  const text = String(value);
  return new Date(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text.replace(' ', 'T')}Z`);
}

/**
 * The outbox table's SQL, written once for both dialects. Claims take a lease (`locked_by`,
 * `locked_until`) so several relays in several processes never publish the same row at once; on
 * PostgreSQL the candidate rows are picked with `FOR UPDATE SKIP LOCKED`, on SQLite the single
 * UPDATE statement is atomic under the database's write lock.
 */
@Injectable()
export class OutboxStore {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {}

  /** Inserts rows on the caller's transaction (EventOutbox.record runs inside UnitOfWork.run). */
  async append(events: IntegrationEvent[], now: Date): Promise<void> {
    await insertRows(
      this.unitOfWork.manager,
      OutboxMessageRecord,
      events.map((event) => ({
        eventId: event.id,
        eventType: event.type,
        payload: event.payload as object,
        correlationId: event.correlationId,
        occurredAt: new Date(event.occurredAt),
        createdAt: now,
        attempts: 0,
        availableAt: now,
        lockedBy: null,
        lockedUntil: null,
        publishedAt: null,
        lastError: null,
      })),
    );
  }

  /**
   * Makes `event` due again with fresh attempts, on the caller's transaction: its row is reset, or
   * written again from the envelope when the purge removed it (a dead letter's replay).
   */
  async requeue(event: IntegrationEvent, now: Date): Promise<void> {
    const { affected } = await this.unitOfWork.query(
      `UPDATE "outbox_messages"
          SET "attempts" = 0, "available_at" = :now, "locked_by" = NULL, "locked_until" = NULL,
              "published_at" = NULL, "last_error" = NULL
        WHERE "event_id" = :eventId`,
      { now, eventId: event.id },
    );
    if (affected === 0) await this.append([event], now);
  }

  /** Up to `limit` due rows, oldest first, leased to `relayId` until `leaseUntil`. */
  claim(relayId: string, limit: number, now: Date, leaseUntil: Date): Promise<ClaimedMessage[]> {
    const lock = this.unitOfWork.dialect === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : '';
    // One statement (the subquery's rows are claimed by the same UPDATE): no transaction around it.
    return this.unitOfWork.runStatement(async () => {
      const { rows } = await this.unitOfWork.query(
        `UPDATE "outbox_messages" SET "locked_by" = :relayId, "locked_until" = :leaseUntil
         WHERE "position" IN (
           SELECT "position" FROM "outbox_messages"
           WHERE "published_at" IS NULL AND "available_at" <= :now
             AND ("locked_until" IS NULL OR "locked_until" <= :now)
           ORDER BY "position" LIMIT :limit ${lock})
         RETURNING "position", "event_id", "event_type", "payload", "correlation_id", "occurred_at", "attempts"`,
        { relayId, leaseUntil, now, limit },
      );
      return rows
        .map((row) => ({
          position: Number(row.position),
          attempts: Number(row.attempts),
          event: {
            id: String(row.event_id),
            type: String(row.event_type),
            occurredAt: toDate(row.occurred_at).toISOString(),
            correlationId: (row.correlation_id as string | null) ?? null,
            payload: jsonTransformer.from(row.payload),
          },
        }))
        .sort((a, b) => a.position - b.position);
    });
  }

  /** Marks rows delivered, if this relay still holds their lease. */
  async markSent(relayId: string, positions: number[], now: Date, note: string | null = null): Promise<void> {
    if (positions.length === 0) return;
    await this.unitOfWork.runStatement(() =>
      this.unitOfWork.query(
        `UPDATE "outbox_messages"
         SET "published_at" = :now, "locked_by" = NULL, "locked_until" = NULL, "last_error" = :note
         WHERE "position" IN (:...positions) AND "locked_by" = :relayId`,
        { now, positions, relayId, note },
      ),
    );
  }

  /** Releases a row for a later attempt (`availableAt`), recording the failure. */
  async reschedule(
    relayId: string,
    position: number,
    attempts: number,
    availableAt: Date,
    error: string,
  ): Promise<void> {
    await this.unitOfWork.runStatement(() =>
      this.unitOfWork.query(
        `UPDATE "outbox_messages"
         SET "attempts" = :attempts, "available_at" = :availableAt, "last_error" = :error,
             "locked_by" = NULL, "locked_until" = NULL
         WHERE "position" = :position AND "locked_by" = :relayId`,
        { attempts, availableAt, error: error.slice(0, 4000), position, relayId },
      ),
    );
  }

  /** Gives a batch back untouched but for the failure record: the rows keep their place in line. */
  async release(relayId: string, positions: number[], error: string): Promise<void> {
    if (positions.length === 0) return;
    await this.unitOfWork.runStatement(() =>
      this.unitOfWork.query(
        `UPDATE "outbox_messages"
         SET "attempts" = "attempts" + 1, "last_error" = :error, "locked_by" = NULL, "locked_until" = NULL
         WHERE "position" IN (:...positions) AND "locked_by" = :relayId`,
        { error: error.slice(0, 4000), positions, relayId },
      ),
    );
  }

  async backlog(now: Date): Promise<OutboxBacklog> {
    const { rows } = await this.unitOfWork.query(
      `SELECT COUNT(*) AS "pending", MIN("created_at") AS "oldest"
       FROM "outbox_messages" WHERE "published_at" IS NULL`,
    );
    const pending = Number(rows[0]?.pending ?? 0);
    const oldest = rows[0]?.oldest;
    return {
      pending,
      oldestPendingSeconds:
        pending > 0 && oldest
          ? Math.max(0, Math.round((now.getTime() - toDate(oldest).getTime()) / 1000))
          : null,
    };
  }

  /** Deletes delivered rows published before `before`; returns how many. */
  async purgeSent(before: Date): Promise<number> {
    return this.unitOfWork.runStatement(async () => {
      const { affected } = await this.unitOfWork.query(
        `DELETE FROM "outbox_messages" WHERE "published_at" IS NOT NULL AND "published_at" < :before`,
        { before },
      );
      return affected;
    });
  }
}

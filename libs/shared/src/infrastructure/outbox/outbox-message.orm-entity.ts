import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A JSON column: jsonb on PostgreSQL (parsed by the driver), text on SQLite. */
export const jsonTransformer = {
  to: (value: unknown): string => JSON.stringify(value),
  from: (value: unknown): unknown => (typeof value === 'string' ? JSON.parse(value) : value),
};

/** One integration event waiting in (or delivered from) the transactional outbox. */
@Entity({ name: 'outbox_messages' })
export class OutboxMessageRecord {
  /** Commit-ordered position (bigserial / INTEGER AUTOINCREMENT). PostgreSQL returns it as a string. */
  @PrimaryGeneratedColumn({ name: 'position' })
  position: string | number;

  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  eventId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 200 })
  eventType: string;

  @Column({ name: 'payload', type: 'text', transformer: jsonTransformer })
  payload: unknown;

  @Column({ name: 'correlation_id', type: 'varchar', length: 128, nullable: true })
  correlationId: string | null;

  @Column({ name: 'occurred_at' })
  occurredAt: Date;

  @Column({ name: 'created_at' })
  createdAt: Date;

  /** Delivery attempts so far: failed publishes (BullMQ) or failed handler runs (in-process). */
  @Column({ name: 'attempts', type: 'integer', default: 0 })
  attempts: number;

  /** Not claimed before this time (backoff after a failure). */
  @Column({ name: 'available_at' })
  availableAt: Date;

  @Column({ name: 'locked_by', type: 'varchar', length: 128, nullable: true })
  lockedBy: string | null;

  @Column({ name: 'locked_until', nullable: true, type: Date })
  lockedUntil: Date | null;

  @Column({ name: 'published_at', nullable: true, type: Date })
  publishedAt: Date | null;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError: string | null;
}

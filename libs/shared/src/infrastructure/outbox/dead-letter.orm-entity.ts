import { Column, Entity, PrimaryColumn } from 'typeorm';
import { jsonTransformer } from './outbox-message.orm-entity';

/** An event a handler still failed on at its last attempt: kept for an operator to inspect and replay. */
@Entity({ name: 'dead_letters' })
export class DeadLetterRecord {
  @PrimaryColumn({ name: 'id', type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'event_id', type: 'varchar', length: 36 })
  eventId: string;

  @Column({ name: 'event_type', type: 'varchar', length: 200 })
  eventType: string;

  @Column({ name: 'handler', type: 'varchar', length: 200 })
  handler: string;

  /** The whole envelope, as it was delivered. */
  @Column({ name: 'envelope', type: 'text', transformer: jsonTransformer })
  envelope: unknown;

  @Column({ name: 'error', type: 'text' })
  error: string;

  @Column({ name: 'attempts', type: 'integer' })
  attempts: number;

  @Column({ name: 'failed_at' })
  failedAt: Date;
}

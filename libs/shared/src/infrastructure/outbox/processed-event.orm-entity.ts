import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The inbox: one row per (event, handler) that ran to completion, so a redelivery is a no-op. */
@Entity({ name: 'processed_events' })
export class ProcessedEventRecord {
  @PrimaryColumn({ name: 'event_id', type: 'varchar', length: 36 })
  eventId: string;

  @PrimaryColumn({ name: 'handler', type: 'varchar', length: 200 })
  handler: string;

  @Column({ name: 'processed_at' })
  processedAt: Date;
}

import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A message kept by the dev mailbox instead of being sent (no SMTP_URL). */
@Entity({ name: 'dev_mailbox' })
export class DevMailboxMessageRecord {
  @PrimaryColumn({ name: 'id', type: 'varchar', length: 36 })
  id: string;

  @Column({ name: 'recipient', type: 'varchar', length: 254 })
  recipient: string;

  @Column({ name: 'subject', type: 'varchar', length: 300 })
  subject: string;

  @Column({ name: 'text_body', type: 'text' })
  textBody: string;

  @Column({ name: 'html_body', type: 'text', nullable: true })
  htmlBody: string | null;

  @Column({ name: 'correlation_id', type: 'varchar', length: 128, nullable: true })
  correlationId: string | null;

  @Column({ name: 'created_at' })
  createdAt: Date;
}

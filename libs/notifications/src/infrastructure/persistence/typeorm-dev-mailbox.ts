import { randomUUID } from 'node:crypto';
import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { AppConfig, Clock, RequestContext, TypeOrmUnitOfWork } from '@fluentpro/shared';
import { DevMailbox, StoredMail } from '../../application/ports/dev-mailbox';
import { Mailer } from '../../application/ports/mailer';
import type { MailMessage } from '../../domain/mail-message';
import { DevMailboxMessageRecord } from './dev-mailbox-message.orm-entity';

/**
 * The mailer of the embedded mode: messages are stored in the database (and announced in the log)
 * instead of leaving the machine; GET /api/v1/dev/mailbox shows them when NODE_ENV=development.
 */
@Injectable()
export class TypeOrmDevMailbox extends Mailer implements DevMailbox, OnModuleInit {
  private readonly logger = new Logger('DevMailbox');

  constructor(
    private readonly unitOfWork: TypeOrmUnitOfWork,
    private readonly clock: Clock,
    private readonly config: AppConfig,
  ) {
    super();
  }

  onModuleInit(): void {
    if (this.config.isProduction && !this.config.env.SMTP_URL)
      this.logger.warn('SMTP_URL is not set: emails are kept in the dev_mailbox table, not sent');
  }

  private get records() {
    return this.unitOfWork.manager.getRepository(DevMailboxMessageRecord);
  }

  async send(message: MailMessage): Promise<void> {
    const id = randomUUID();
    await this.unitOfWork.run(() =>
      this.records.insert({
        id,
        recipient: message.to,
        subject: message.subject,
        textBody: message.text,
        htmlBody: message.html ?? null,
        correlationId: RequestContext.correlationId(),
        createdAt: this.clock.now(),
      }),
    );
    this.logger.log(`"${message.subject}" stored in the dev mailbox (message ${id})`);
  }

  async list(filter: { to?: string; limit: number }): Promise<StoredMail[]> {
    const query = this.records
      .createQueryBuilder('mail')
      .orderBy('mail.createdAt', 'DESC')
      .take(filter.limit);
    if (filter.to) query.where('lower(mail.recipient) = :to', { to: filter.to.toLowerCase() });
    const records = await query.getMany();
    return records.map((record) => ({
      id: record.id,
      to: record.recipient,
      subject: record.subject,
      text: record.textBody,
      html: record.htmlBody,
      correlationId: record.correlationId,
      createdAt: record.createdAt,
    }));
  }
}

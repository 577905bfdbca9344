import { Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '@fluentpro/shared';
import { Mailer } from '../../application/ports/mailer';
import type { MailMessage } from '../../domain/mail-message';

/** Sends through the SMTP server of SMTP_URL (`smtp://user:pass@host:587`, `smtps://…` for TLS). */
@Injectable()
export class SmtpMailer extends Mailer implements OnModuleDestroy {
  private readonly logger = new Logger('SmtpMailer');
  private readonly transport: Transporter;

  constructor(private readonly config: AppConfig) {
    super();
    if (!config.env.SMTP_URL) throw new Error('SmtpMailer needs SMTP_URL');
    this.transport = createTransport(config.env.SMTP_URL, {
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(message: MailMessage): Promise<void> {
    const info = (await this.transport.sendMail({
      from: this.config.env.MAIL_FROM,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
    })) as { messageId?: string };
    this.logger.log(`"${message.subject}" sent (message ${info.messageId ?? 'unknown'})`);
  }

  onModuleDestroy(): void {
    this.transport.close();
  }
}

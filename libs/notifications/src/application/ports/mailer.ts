import type { MailMessage } from '../../domain/mail-message';

/** Sends email: SMTP when SMTP_URL is set, otherwise the dev mailbox (stored in the database). */
export abstract class Mailer {
  abstract send(message: MailMessage): Promise<void>;
}

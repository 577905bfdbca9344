import { DynamicModule, Module, Provider } from '@nestjs/common';
import { AppConfig } from '@fluentpro/shared';
import { DevMailbox } from './application/ports/dev-mailbox';
import { Mailer } from './application/ports/mailer';
import { SendWelcomeEmailHandler } from './application/send-welcome-email/send-welcome-email.handler';
import { TypeOrmDevMailbox } from './infrastructure/persistence/typeorm-dev-mailbox';
import { DevMailboxController } from './interface/http/dev-mailbox.controller';

/** The SMTP mailer, required only when SMTP_URL is set: nodemailer is not loaded otherwise (docs/performance.md). */
function smtpMailer(): Provider {
  type Smtp = typeof import('./infrastructure/smtp/smtp.mailer');
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- deliberately lazy, see above
  return { provide: Mailer, useClass: (require('./infrastructure/smtp/smtp.mailer') as Smtp).SmtpMailer };
}

/**
 * Email: the welcome email on user-registered, through SMTP (SMTP_URL) or the dev mailbox. The
 * mailbox's HTTP view exists only when NODE_ENV=development. Imported by the API (which runs the
 * handlers itself in the embedded mode) and by the worker.
 */
@Module({})
export class NotificationsModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: NotificationsModule,
      controllers: config.env.NODE_ENV === 'development' ? [DevMailboxController] : [],
      providers: [
        TypeOrmDevMailbox,
        { provide: DevMailbox, useExisting: TypeOrmDevMailbox },
        config.env.SMTP_URL ? smtpMailer() : { provide: Mailer, useExisting: TypeOrmDevMailbox },
        SendWelcomeEmailHandler,
      ],
    };
  }
}

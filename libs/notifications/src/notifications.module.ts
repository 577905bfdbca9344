import { DynamicModule, Module } from '@nestjs/common';
import { AppConfig } from '@fluentpro/shared';
import { DevMailbox } from './application/ports/dev-mailbox';
import { Mailer } from './application/ports/mailer';
import { SendWelcomeEmailHandler } from './application/send-welcome-email/send-welcome-email.handler';
import { TypeOrmDevMailbox } from './infrastructure/persistence/typeorm-dev-mailbox';
import { SmtpMailer } from './infrastructure/smtp/smtp.mailer';
import { DevMailboxController } from './interface/http/dev-mailbox.controller';

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
        config.env.SMTP_URL
          ? { provide: Mailer, useClass: SmtpMailer }
          : { provide: Mailer, useExisting: TypeOrmDevMailbox },
        SendWelcomeEmailHandler,
      ],
    };
  }
}

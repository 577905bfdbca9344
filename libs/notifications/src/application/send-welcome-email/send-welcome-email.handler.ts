import { Injectable } from '@nestjs/common';
import { AUTHENTICATION_EVENTS, IntegrationEventHandler, UserRegisteredV1 } from '@fluentpro/shared';
import { welcomeEmail } from '../../domain/welcome-email';
import { Mailer } from '../ports/mailer';

/** Welcomes every new account by email, once per registration (the events module keeps it idempotent). */
@Injectable()
export class SendWelcomeEmailHandler extends IntegrationEventHandler<UserRegisteredV1> {
  readonly name = 'notifications.send-welcome-email';
  readonly eventType = AUTHENTICATION_EVENTS.userRegistered;

  constructor(private readonly mailer: Mailer) {
    super();
  }

  async handle(event: UserRegisteredV1): Promise<void> {
    await this.mailer.send(welcomeEmail({ email: event.payload.email, fullName: event.payload.fullName }));
  }
}

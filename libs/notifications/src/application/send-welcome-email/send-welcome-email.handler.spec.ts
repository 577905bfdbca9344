import { AUTHENTICATION_EVENTS, createIntegrationEvent, UserRegisteredV1 } from '@fluentpro/shared';
import type { MailMessage } from '../../domain/mail-message';
import { Mailer } from '../ports/mailer';
import { SendWelcomeEmailHandler } from './send-welcome-email.handler';

class RecordingMailer extends Mailer {
  readonly sent: MailMessage[] = [];
  send(message: MailMessage): Promise<void> {
    this.sent.push(message);
    return Promise.resolve();
  }
}

describe('SendWelcomeEmailHandler', () => {
  it('subscribes to user-registered and mails the new account by first name', async () => {
    const mailer = new RecordingMailer();
    const handler = new SendWelcomeEmailHandler(mailer);
    const event: UserRegisteredV1 = createIntegrationEvent(AUTHENTICATION_EVENTS.userRegistered, {
      userId: 'b3c1d2e4-0000-4000-8000-000000000001',
      email: 'ana.lopez@example.com',
      fullName: 'Ana Lopez',
      registeredAt: '2026-01-01T00:00:00.000Z',
    });

    await handler.handle(event);

    expect(handler.eventType).toBe('authentication.user-registered.v1');
    expect(mailer.sent).toHaveLength(1);
    expect(mailer.sent[0]).toMatchObject({ to: 'ana.lopez@example.com', subject: 'Welcome to FluentPro' });
    expect(mailer.sent[0].text).toMatch(/^Hi Ana,/);
    expect(mailer.sent[0].html).toContain('Hi Ana,');
  });

  it('escapes the name in the HTML part', async () => {
    const mailer = new RecordingMailer();
    await new SendWelcomeEmailHandler(mailer).handle(
      createIntegrationEvent(AUTHENTICATION_EVENTS.userRegistered, {
        userId: 'b3c1d2e4-0000-4000-8000-000000000002',
        email: 'x@example.com',
        fullName: '<script>alert(1)</script> Doe',
        registeredAt: '2026-01-01T00:00:00.000Z',
      }),
    );
    expect(mailer.sent[0].html).not.toContain('<script>');
    expect(mailer.sent[0].html).toContain('&lt;script&gt;');
  });
});

import { Mailer } from '@fluentpro/notifications';
import { deleteQueueKeys, REDIS_URL, uniqueQueuePrefix } from '../support/events-context';
import { signUpBody } from '../support/factories';
import { FakeSmtpServer } from '../support/fake-smtp-server';
import { createTestApp, TestApp } from '../support/test-app';
import { waitFor } from '../support/wait-for';

jest.setTimeout(30_000);

describe('Mailer over SMTP (SMTP_URL set)', () => {
  const prefix = uniqueQueuePrefix();
  const smtp = new FakeSmtpServer();
  let t: TestApp;

  beforeAll(async () => {
    await smtp.start();
    t = await createTestApp({
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      MAIL_FROM: 'FluentPro <hello@fluentpro.test>',
      QUEUE_PREFIX: prefix,
      OUTBOX_POLL_INTERVAL_MS: '50',
    });
  });
  afterAll(async () => {
    await t?.close();
    await smtp.stop();
    await deleteQueueKeys(prefix);
  });

  it('sends through the SMTP server, from MAIL_FROM', async () => {
    await t.app.get(Mailer).send({ to: 'lena@example.com', subject: 'Hello over SMTP', text: 'Plain body' });

    const mail = smtp.received.at(-1)!;
    expect(mail.from).toBe('<hello@fluentpro.test>');
    expect(mail.to).toEqual(['<lena@example.com>']);
    expect(mail.data).toContain('Subject: Hello over SMTP');
    expect(mail.data).toContain('Plain body');
  });

  (REDIS_URL ? it.skip : it)('sends the welcome email of a sign-up (in-process)', async () => {
    const body = signUpBody();
    expect((await t.request({ method: 'POST', url: '/api/v1/auth/signup', body })).status).toBe(201);
    const mail = await waitFor(() => smtp.received.find((m) => m.to.includes(`<${String(body.email)}>`)), {
      what: 'the welcome email over SMTP',
    });
    expect(mail.data).toContain('Subject: Welcome to FluentPro');
  });
});

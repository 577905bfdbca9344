import type { MailMessage } from './mail-message';

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** The message a learner receives after signing up. */
export function welcomeEmail(recipient: { email: string; fullName: string }): MailMessage {
  const firstName = recipient.fullName.trim().split(/\s+/)[0] || recipient.fullName;
  return {
    to: recipient.email,
    subject: 'Welcome to FluentPro',
    text:
      `Hi ${firstName},\n\n` +
      'Welcome to FluentPro! Your account is ready. Open the app to tell us about your role and ' +
      'we will build a business-English learning plan around it.\n\n' +
      'The FluentPro team',
    html:
      `<p>Hi ${escapeHtml(firstName)},</p>` +
      '<p>Welcome to FluentPro! Your account is ready. Open the app to tell us about your role and ' +
      'we will build a business-English learning plan around it.</p><p>The FluentPro team</p>',
  };
}

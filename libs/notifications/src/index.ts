// The only door into the notifications module (email).
export { NotificationsModule } from './notifications.module';
export { notificationsPersistence } from './infrastructure/persistence/notifications.persistence';
export { Mailer } from './application/ports/mailer';
export type { MailMessage } from './domain/mail-message';

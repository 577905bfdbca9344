export interface StoredMail {
  id: string;
  to: string;
  subject: string;
  text: string;
  html: string | null;
  correlationId: string | null;
  createdAt: Date;
}

/** What the dev mailbox holds, newest first (development only). */
export abstract class DevMailbox {
  abstract list(filter: { to?: string; limit: number }): Promise<StoredMail[]>;
}

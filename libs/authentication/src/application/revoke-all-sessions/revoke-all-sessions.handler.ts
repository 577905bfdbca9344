import { Injectable } from '@nestjs/common';
import type { RevocationReason } from '../../domain/session.aggregate';
import { SessionRevocation } from '../session-revocation';

/** Logs the user out everywhere (the caller's own session included); returns how many sessions ended. */
@Injectable()
export class RevokeAllSessionsHandler {
  constructor(private readonly revocation: SessionRevocation) {}

  execute(userId: string, reason: RevocationReason): Promise<number> {
    return this.revocation.revokeAllOf(userId, reason);
  }
}

import { Injectable } from '@nestjs/common';
import { Clock } from '@fluentpro/shared';
import type { Principal } from '../ports/identity-provider';
import { SessionRepository } from '../ports/session.repository';
import { SessionView, toSessionView } from '../session.view';

/** The caller's signed-in devices, most recently used first, the caller's own marked `current`. */
@Injectable()
export class ListSessionsHandler {
  constructor(
    private readonly sessions: SessionRepository,
    private readonly clock: Clock,
  ) {}

  async execute(principal: Principal): Promise<SessionView[]> {
    const sessions = await this.sessions.listActiveByUser(principal.userId, this.clock.now());
    return sessions.map((session) => toSessionView(session, principal.sessionId));
  }
}

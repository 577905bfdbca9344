import { Module } from '@nestjs/common';
import { SessionRepository } from './application/ports/session.repository';
import { PurgeExpiredSessionsTask } from './application/purge-expired-sessions/purge-expired-sessions.task';
import { TypeOrmSessionRepository } from './infrastructure/persistence/typeorm-session.repository';

/**
 * The context's background work, without its HTTP surface or signing keys: imported by
 * AuthenticationModule (API) and on its own by the worker, where the events module discovers the task.
 */
@Module({
  providers: [{ provide: SessionRepository, useClass: TypeOrmSessionRepository }, PurgeExpiredSessionsTask],
  exports: [SessionRepository],
})
export class AuthenticationMaintenanceModule {}

import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import { AuthenticationModule } from '@fluentpro/authentication';
import type { AppConfig } from '@fluentpro/shared';
import { AuditTrail } from './application/audit-trail';
import { ChangeAdminRoleHandler } from './application/change-admin-role/change-admin-role.handler';
import { CreateAdminHandler } from './application/create-admin/create-admin.handler';
import { DeactivateUserHandler } from './application/deactivate-user/deactivate-user.handler';
import { ListDeadLettersHandler } from './application/list-dead-letters/list-dead-letters.handler';
import { OnboardingFunnelHandler } from './application/onboarding-funnel/onboarding-funnel.handler';
import { AuditLogRepository } from './application/ports/audit-log.repository';
import { ReactivateUserHandler } from './application/reactivate-user/reactivate-user.handler';
import { ReadAuditLogHandler } from './application/read-audit-log/read-audit-log.handler';
import { ReplayDeadLetterHandler } from './application/replay-dead-letter/replay-dead-letter.handler';
import { RevokeUserSessionsHandler } from './application/revoke-user-sessions/revoke-user-sessions.handler';
import { SearchUsersHandler } from './application/search-users/search-users.handler';
import { ViewUserHandler } from './application/view-user/view-user.handler';
import { TypeOrmAuditLogRepository } from './infrastructure/persistence/typeorm-audit-log.repository';
import { AdminOperationsController } from './interface/http/admin-operations.controller';
import { AdminUsersController } from './interface/http/admin-users.controller';

export interface AdministrationModuleOptions {
  /**
   * Modules that export the optional ports administration reads through: `OnboardingStateQuery`
   * (onboarding state and funnel) and `DeadLetterStore` (failed jobs). Without them the admin API
   * answers `onboarding: null`, `steps: null`, no dead letters and 404 on replay.
   */
  imports?: ModuleMetadata['imports'];
}

/** The admin API and the audit log. Talks to authentication through its AccountAdministration facade. */
@Module({})
export class AdministrationModule {
  static register(config: AppConfig, options: AdministrationModuleOptions = {}): DynamicModule {
    return {
      module: AdministrationModule,
      imports: [AuthenticationModule.forRoot(config), ...(options.imports ?? [])],
      controllers: [AdminUsersController, AdminOperationsController],
      providers: [
        { provide: AuditLogRepository, useClass: TypeOrmAuditLogRepository },
        AuditTrail,
        SearchUsersHandler,
        ViewUserHandler,
        DeactivateUserHandler,
        ReactivateUserHandler,
        RevokeUserSessionsHandler,
        OnboardingFunnelHandler,
        ListDeadLettersHandler,
        ReplayDeadLetterHandler,
        ReadAuditLogHandler,
        CreateAdminHandler,
        ChangeAdminRoleHandler,
      ],
      exports: [CreateAdminHandler, ChangeAdminRoleHandler],
    };
  }
}

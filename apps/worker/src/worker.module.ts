import { DynamicModule, Module, ModuleMetadata } from '@nestjs/common';
import type { Logger } from 'pino';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  EventsModule,
  ObservabilityModule,
  RealtimeModule,
} from '@fluentpro/shared';
import { AuthenticationMaintenanceModule } from '@fluentpro/authentication';
import { NotificationsModule } from '@fluentpro/notifications';
import { OnboardingCoreModule } from '@fluentpro/onboarding';
// The same entities and migrations as the API: one schema, one list.
import { persistence } from '../../api/src/persistence';
import { IntegrationEventsProcessor } from './processors/integration-events.processor';
import { MaintenanceProcessor } from './processors/maintenance.processor';
import { WorkerRunner } from './worker-runner';

export type ContextModules = NonNullable<ModuleMetadata['imports']>;

/** The modules whose handlers and tasks the worker runs (discovered by the events module). */
export function workerContexts(config: AppConfig): ContextModules {
  return [AuthenticationMaintenanceModule, NotificationsModule.forRoot(config), OnboardingCoreModule];
}

/**
 * The queues, and no public HTTP: JSON logs and metrics like the API's, and `/metrics`,
 * `/health/live` and `/health/ready` on METRICS_PORT for the orchestrator's probes. Migrations are
 * left to the API or `npm run migration:run`.
 */
@Module({})
export class WorkerModule {
  static forRoot(
    config: AppConfig,
    contexts: ContextModules = workerContexts(config),
    logger?: Logger,
  ): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        ObservabilityModule.forRoot({ service: 'worker', logger }),
        DatabaseModule.forRoot(persistence, { runMigrations: false }),
        EventsModule.forRoot(config, { role: 'worker' }),
        // Handlers announce results to the learner's sockets through Redis (docs/realtime.md).
        RealtimeModule,
        ...contexts,
      ],
      providers: [IntegrationEventsProcessor, MaintenanceProcessor, WorkerRunner],
    };
  }
}

import { INestApplicationContext, Module, ModuleMetadata, Provider } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import {
  AppConfig,
  ConfigModule,
  DatabaseModule,
  EventsModule,
  IntegrationEvent,
  IntegrationEventHandler,
} from '@fluentpro/shared';
import { persistence } from '../../apps/api/src/persistence';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { workerContexts } from '../../apps/worker/src/worker.module';
import { REDIS_URL } from './redis';
import { TEST_ENV } from './test-app';

export { deleteQueueKeys, REDIS_URL, uniqueQueuePrefix } from './redis';

/** `describe` when the suite runs against Redis (REDIS_URL set), `describe.skip` otherwise. */
export const describeWithRedis = REDIS_URL ? describe : describe.skip;
/** `describe` in the embedded mode (no REDIS_URL), `describe.skip` otherwise. */
export const describeEmbedded = REDIS_URL ? describe.skip : describe;

/** Fast relay and retry settings for the tests; `env` adds the database's and anything else. */
export function eventsTestConfig(env: Record<string, string>): AppConfig {
  return AppConfig.fromEnvironment({
    ...TEST_ENV,
    OUTBOX_POLL_INTERVAL_MS: '50',
    JOB_BACKOFF_MS: '50',
    JOB_ATTEMPTS: '3',
    OUTBOX_PUBLISH_TIMEOUT_MS: '500',
    ...env,
  });
}

/** A handler for tests: records every event, and runs `behaviour` (throw to fail, await to be slow). */
export class TestHandler extends IntegrationEventHandler {
  readonly calls: IntegrationEvent[] = [];
  /** When each call started (ms since the epoch). */
  readonly times: number[] = [];

  constructor(
    readonly name: string,
    readonly eventType: string,
    private readonly behaviour: (event: IntegrationEvent, call: number) => Promise<void> = () =>
      Promise.resolve(),
  ) {
    super();
  }

  async handle(event: IntegrationEvent): Promise<void> {
    this.calls.push(event);
    this.times.push(Date.now());
    await this.behaviour(event, this.calls.length);
  }
}

/** A module declaring `handlers` as providers, as a context would (discovered, not registered). */
export function handlersModule(
  handlers: IntegrationEventHandler[],
): NonNullable<ModuleMetadata['imports']>[number] {
  const providers: Provider[] = handlers.map((handler) => ({
    provide: `handler:${handler.name}`,
    useValue: handler,
  }));
  @Module({ providers })
  class TestHandlersModule {}
  return TestHandlersModule;
}

/** The events machinery alone (database, outbox, relay, dispatcher) with `handlers`, as the API runs it. */
export async function createEventsContext(
  config: AppConfig,
  handlers: IntegrationEventHandler[] = [],
  runMigrations = true,
): Promise<INestApplicationContext> {
  @Module({
    imports: [
      ConfigModule.forRoot(config),
      DatabaseModule.forRoot(persistence, { runMigrations }),
      EventsModule.forRoot(config, { role: 'api' }),
      handlersModule(handlers),
    ],
  })
  class EventsTestModule {}
  return NestFactory.createApplicationContext(EventsTestModule, { logger: false });
}

/** The real worker (same modules as `npm run start:worker`) plus `handlers`. */
export function createTestWorker(
  config: AppConfig,
  handlers: IntegrationEventHandler[] = [],
): Promise<INestApplicationContext> {
  return createWorkerApp(config, [...workerContexts(config), handlersModule(handlers)]);
}

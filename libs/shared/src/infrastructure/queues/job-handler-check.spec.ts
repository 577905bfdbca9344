import { MAINTENANCE_JOBS, MaintenanceTask } from '../../application/maintenance-task';
import { IntegrationEventHandler } from '../../events/integration-event';
import { findUnhandledJobs } from './job-handler-check';

class Task extends MaintenanceTask {
  constructor(readonly jobName: MaintenanceTask['jobName']) {
    super();
  }
  run(): Promise<number> {
    return Promise.resolve(0);
  }
}

class Handler extends IntegrationEventHandler {
  constructor(
    readonly name: string,
    readonly eventType: string,
  ) {
    super();
  }
  handle(): Promise<void> {
    return Promise.resolve();
  }
}

const allTasks = () => Object.values(MAINTENANCE_JOBS).map((job) => new Task(job));

describe('findUnhandledJobs', () => {
  it('finds nothing when every maintenance job has a task and every handler a known event type', () => {
    const handlers = [new Handler('mail.welcome', 'authentication.user-registered.v1')];
    expect(findUnhandledJobs(handlers, allTasks())).toEqual([]);
  });

  it('names a maintenance job without a task', () => {
    const tasks = allTasks().filter((task) => task.jobName !== MAINTENANCE_JOBS.purgeExpiredSessions);
    expect(findUnhandledJobs([], tasks)).toEqual([
      'queue "maintenance", job "purge-expired-sessions": no MaintenanceTask provider handles it',
    ]);
  });

  it('names a handler subscribed to an event type outside the catalog', () => {
    const problems = findUnhandledJobs(
      [new Handler('x.typo', 'authentication.user-registred.v1')],
      allTasks(),
    );
    expect(problems).toEqual([
      'handler "x.typo" listens to "authentication.user-registred.v1", which is not in the queue catalog',
    ]);
  });
});

import type { MaintenanceTask } from '../../application/maintenance-task';
import type { IntegrationEventHandler } from '../../events/integration-event';
import { INTEGRATION_EVENT_TYPES, MAINTENANCE_JOB_NAMES, QUEUES } from './queue-catalog';

/**
 * Why a worker must not start: a maintenance job of the catalog that no task handles (its scheduled
 * jobs would fail forever), or an event handler subscribed to a type no job carries (a typo or a
 * missing contract: it would never run). Events with no subscriber are fine: the job completes.
 */
export function findUnhandledJobs(handlers: IntegrationEventHandler[], tasks: MaintenanceTask[]): string[] {
  const problems: string[] = [];
  for (const job of MAINTENANCE_JOB_NAMES) {
    if (!tasks.some((task) => task.jobName === job))
      problems.push(`queue "${QUEUES.maintenance}", job "${job}": no MaintenanceTask provider handles it`);
  }
  for (const handler of handlers) {
    if (!INTEGRATION_EVENT_TYPES.includes(handler.eventType))
      problems.push(
        `handler "${handler.name}" listens to "${handler.eventType}", which is not in the queue catalog`,
      );
  }
  return problems;
}

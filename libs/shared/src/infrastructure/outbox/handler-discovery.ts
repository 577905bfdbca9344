import { Injectable } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { MaintenanceTask } from '../../application/maintenance-task';
import { IntegrationEventHandler } from '../../events/integration-event';

type Abstract<T> = abstract new (...args: never[]) => T;

/**
 * Finds the integration-event handlers and maintenance tasks among every provider of the application
 * (Nest's DiscoveryService): a context contributes one by declaring a provider that extends the base
 * class. There is no registry to edit. The same class provided by two modules counts once; two
 * different classes under one name are a wiring mistake.
 */
@Injectable()
export class HandlerDiscovery {
  private handlers?: IntegrationEventHandler[];
  private tasks?: MaintenanceTask[];

  constructor(private readonly discovery: DiscoveryService) {}

  eventHandlers(): IntegrationEventHandler[] {
    return (this.handlers ??= this.find(IntegrationEventHandler, (handler) => handler.name));
  }

  handlersFor(eventType: string): IntegrationEventHandler[] {
    return this.eventHandlers().filter((handler) => handler.eventType === eventType);
  }

  maintenanceTasks(): MaintenanceTask[] {
    return (this.tasks ??= this.find(MaintenanceTask, (task) => task.jobName));
  }

  private find<T extends object>(base: Abstract<T>, keyOf: (instance: T) => string): T[] {
    const found = new Map<string, T>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      if (!(instance instanceof base)) continue;
      if (!wrapper.isDependencyTreeStatic()) {
        throw new Error(`${wrapper.name} must be a singleton provider to be discovered as a ${base.name}`);
      }
      const key = keyOf(instance);
      const existing = found.get(key);
      if (existing && existing.constructor !== instance.constructor) {
        throw new Error(
          `${base.name} "${key}" is declared twice (${existing.constructor.name}, ${instance.constructor.name})`,
        );
      }
      if (!existing) found.set(key, instance);
    }
    return [...found.values()];
  }
}

import { AppConfig } from '../../config/app-config';
import { SystemClock } from '../../domain/clock';
import type { EventPublisher } from '../outbox/event-publisher';
import type { OutboxStore } from '../outbox/outbox.store';
import { EventsHealthIndicator } from './events.health';
import { EventsOptions, type EventsRole } from './maintenance.scheduler';

describe('EventsHealthIndicator', () => {
  const config = AppConfig.parse({ OUTBOX_READY_MAX_PENDING: '10' });
  const indicator = (role: EventsRole, pending: number) =>
    new EventsHealthIndicator(
      { backlog: () => Promise.resolve({ pending, oldestPendingSeconds: 5 }) } as unknown as OutboxStore,
      { mode: 'in-process' } as EventPublisher,
      new SystemClock(),
      config,
      new EventsOptions(role),
    );

  it('reports the backlog, and makes the API unready above OUTBOX_READY_MAX_PENDING', async () => {
    await expect(indicator('api', 10).checkOutbox()).resolves.toEqual({
      delivery: 'in-process',
      pending: 10,
      oldest_pending_seconds: 5,
    });
    await expect(indicator('api', 11).checkOutbox()).rejects.toThrow('11 events wait for delivery');
  });

  it('never makes the worker unready: the worker is what drains the backlog', async () => {
    await expect(indicator('worker', 11).checkOutbox()).resolves.toMatchObject({ pending: 11 });
  });
});

import { Logger } from '@nestjs/common';
import { InProcessRealtimeBus } from './in-process-realtime-bus';

describe('InProcessRealtimeBus', () => {
  beforeAll(() => Logger.overrideLogger(false));
  afterAll(() => Logger.overrideLogger(['log', 'error', 'warn', 'debug', 'verbose']));

  it('delivers the wire form of an event to the listeners of that user only, until they unsubscribe', async () => {
    const bus = new InProcessRealtimeBus(1024);
    const alice: string[] = [];
    const bob: string[] = [];
    const stopAlice = await bus.subscribe('alice', (message) => alice.push(message));
    await bus.subscribe('bob', (message) => bob.push(message));
    await bus.publish('alice', { type: 'test.hello', data: { n: 1 } });
    expect(alice.map((message) => JSON.parse(message) as unknown)).toEqual([
      { type: 'test.hello', data: { n: 1 }, id: expect.any(String), occurred_at: expect.any(String) },
    ]);
    expect(bob).toEqual([]);
    await stopAlice();
    await bus.publish('alice', { type: 'test.hello', data: { n: 2 } });
    expect(alice).toHaveLength(1);
  });

  it('drops an event over the size limit, and a failing listener does not stop the others', async () => {
    const bus = new InProcessRealtimeBus(200);
    const received: string[] = [];
    await bus.subscribe('alice', () => {
      throw new Error('listener bug');
    });
    await bus.subscribe('alice', (message) => received.push(message));
    await expect(bus.publish('alice', { type: 'test.big', data: 'x'.repeat(300) })).resolves.toBeUndefined();
    expect(received).toEqual([]);
    await bus.publish('alice', { type: 'test.small', data: null });
    expect(received).toHaveLength(1);
  });
});

import { EventEmitter } from 'node:events';
import type { WebSocket } from 'ws';
import { RealtimeConnection, SLOW_CLOSE_GRACE_MS } from './realtime-connection';

/** A socket whose send buffer only grows: a client that never reads. */
class StalledSocket extends EventEmitter {
  readyState = 1;
  bufferedAmount = 0;
  sent: string[] = [];
  closedWith: [number, string] | null = null;
  terminated = false;

  send(text: string): void {
    this.sent.push(text);
    this.bufferedAmount += Buffer.byteLength(text);
  }
  close(code: number, reason: string): void {
    this.closedWith = [code, reason];
    this.readyState = 2;
  }
  terminate(): void {
    this.terminated = true;
    this.readyState = 3;
    this.emit('close');
  }
}

describe('RealtimeConnection', () => {
  afterEach(() => jest.useRealTimers());

  it('queues until the buffer limit, then closes with 4413 and cuts the socket after a grace period', () => {
    jest.useFakeTimers();
    const socket = new StalledSocket();
    const connection = new RealtimeConnection(socket as unknown as WebSocket, 1000);
    const message = 'x'.repeat(300);
    expect([1, 2, 3].map(() => connection.send(message))).toEqual([true, true, true]);
    expect(connection.send(message)).toBe(false);
    expect(socket.sent).toHaveLength(3);
    expect(socket.bufferedAmount).toBeLessThanOrEqual(1000);
    expect(socket.closedWith).toEqual([4413, 'Send queue full: the client is not reading fast enough']);
    // Nothing more is queued once it is closing.
    expect(connection.send('y')).toBe(false);
    expect(socket.sent).toHaveLength(3);
    jest.advanceTimersByTime(SLOW_CLOSE_GRACE_MS - 1);
    expect(socket.terminated).toBe(false);
    jest.advanceTimersByTime(1);
    expect(socket.terminated).toBe(true);
  });

  it('keeps sending to a client that reads (buffer drained)', () => {
    const socket = new StalledSocket();
    const connection = new RealtimeConnection(socket as unknown as WebSocket, 1000);
    for (let i = 0; i < 10; i += 1) {
      expect(connection.send('x'.repeat(600))).toBe(true);
      socket.bufferedAmount = 0;
    }
    expect(socket.closedWith).toBeNull();
  });

  it('cancels its timers when the socket closes', () => {
    jest.useFakeTimers();
    const socket = new StalledSocket();
    const connection = new RealtimeConnection(socket as unknown as WebSocket, 1000);
    const action = jest.fn();
    connection.after(100, action);
    socket.terminate();
    jest.advanceTimersByTime(200);
    expect(action).not.toHaveBeenCalled();
    expect(connection.after(10, action)).toBeNull();
  });

  it('marks itself alive on pong', () => {
    const socket = new StalledSocket();
    const connection = new RealtimeConnection(socket as unknown as WebSocket, 1000);
    connection.alive = false;
    socket.emit('pong');
    expect(connection.alive).toBe(true);
  });
});

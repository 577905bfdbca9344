import type { WebSocket } from 'ws';
import { CLOSE_CODES } from './close-codes';

export interface ConnectionPrincipal {
  userId: string;
  sessionId: string;
  expiresAt: Date;
}

const OPEN = 1;
/** How long a socket closed for slowness gets to take its close frame before it is cut. */
export const SLOW_CLOSE_GRACE_MS = 1000;

/**
 * One client socket: its authenticated principal, its timers and a bounded send queue. The queue is
 * the socket's own buffer (`bufferedAmount`): a message that would take it past the limit is not
 * queued; the client is disconnected instead (4413), so a stalled reader costs at most the limit.
 */
export class RealtimeConnection {
  principal: ConnectionPrincipal | null = null;
  /** Whether a pong (or any message) arrived since the last heartbeat. */
  alive = true;
  private readonly timers = new Set<NodeJS.Timeout>();
  private closing = false;
  private ended = false;

  constructor(
    readonly socket: WebSocket,
    private readonly maxBufferedBytes: number,
  ) {
    socket.on('pong', () => (this.alive = true));
    socket.once('close', () => {
      this.ended = true;
      for (const timer of this.timers) clearTimeout(timer);
      this.timers.clear();
    });
  }

  /** Open and not being closed by us. */
  get isOpen(): boolean {
    return !this.closing && this.socket.readyState === OPEN;
  }

  /** Queues `text` unless the client is too far behind, in which case it is disconnected. */
  send(text: string): boolean {
    if (!this.isOpen) return false;
    if (this.socket.bufferedAmount + Buffer.byteLength(text) > this.maxBufferedBytes) {
      this.close(CLOSE_CODES.slowConsumer, 'Send queue full: the client is not reading fast enough');
      this.after(SLOW_CLOSE_GRACE_MS, () => this.socket.terminate());
      return false;
    }
    this.socket.send(text);
    return true;
  }

  sendJson(message: { type: string; data?: unknown }): boolean {
    return this.send(JSON.stringify(message));
  }

  close(code: number, reason: string): void {
    if (this.closing || this.ended) return;
    this.closing = true;
    this.socket.close(code, reason);
  }

  /** Runs `action` after `ms` unless the socket has ended by then; returns the timer to cancel it. */
  after(ms: number, action: () => void): NodeJS.Timeout | null {
    if (this.ended) return null;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      action();
    }, ms);
    this.timers.add(timer);
    return timer;
  }

  cancel(timer: NodeJS.Timeout | null): void {
    if (!timer) return;
    clearTimeout(timer);
    this.timers.delete(timer);
  }
}

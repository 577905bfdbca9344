import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import type { RealtimeEvent } from '../../realtime/realtime-event';
import { RealtimePublisher } from '../../realtime/realtime-publisher';

/** Receives the wire text of each event published to one user (the same string for every socket). */
export type RealtimeListener = (message: string) => void;

/**
 * The RealtimePublisher of this process and, for the WebSocket gateway, the way to hear what any
 * process published to a user: in-process, or through Redis pub/sub so replicas behave as one.
 */
export abstract class RealtimeBus extends RealtimePublisher {
  protected readonly logger = new Logger('RealtimeBus');

  constructor(private readonly maxMessageBytes: number) {
    super();
  }

  /**
   * Calls `listener` with every event published to `userId` from now on, by any process; resolves
   * once the subscription is live (so nothing published after it is missed) with the function that
   * ends it. Rejects when the transport cannot subscribe (Redis unreachable).
   */
  abstract subscribe(userId: string, listener: RealtimeListener): Promise<() => Promise<void>>;

  async publish(userId: string, event: RealtimeEvent): Promise<void> {
    const message = this.serialize(event);
    if (message === null) return;
    try {
      await this.deliver(userId, message);
    } catch (error) {
      this.logger.warn({ err: error, type: event.type }, 'A realtime event could not be published');
    }
  }

  protected abstract deliver(userId: string, message: string): Promise<void>;

  /** The JSON sockets receive: `{type, data, id, occurred_at}`; null (and a warning) when too large. */
  private serialize(event: RealtimeEvent): string | null {
    const message = JSON.stringify({
      type: event.type,
      data: event.data,
      id: randomUUID(),
      occurred_at: new Date().toISOString(),
    });
    if (Buffer.byteLength(message) > this.maxMessageBytes) {
      this.logger.warn(
        { type: event.type, bytes: Buffer.byteLength(message), limit: this.maxMessageBytes },
        'A realtime event larger than REALTIME_MAX_MESSAGE_BYTES was dropped',
      );
      return null;
    }
    return message;
  }
}

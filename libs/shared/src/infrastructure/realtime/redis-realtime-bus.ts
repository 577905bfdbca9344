import { OnModuleDestroy } from '@nestjs/common';
import Redis from 'ioredis';
import { RealtimeBus, RealtimeListener } from './realtime-bus';

/**
 * Fan-out across API processes through Redis pub/sub: one channel per user (`<prefix>user:<id>`), so
 * a process hears only the users whose sockets it holds. One connection publishes; one subscriber
 * connection per process carries every subscription (ioredis resubscribes after a reconnect).
 * Subscribing and unsubscribing a user's channel are serialised per user, so a socket that opens
 * while the user's last one is closing never ends up unsubscribed.
 */
export class RedisRealtimeBus extends RealtimeBus implements OnModuleDestroy {
  private readonly publisher: Redis;
  private subscriber: Redis | null = null;
  private readonly listeners = new Map<string, Set<RealtimeListener>>();
  private readonly subscribed = new Set<string>();
  private readonly pending = new Map<string, Promise<void>>();

  constructor(
    private readonly url: string,
    private readonly channelPrefix: string,
    maxMessageBytes: number,
  ) {
    super(maxMessageBytes);
    this.publisher = this.connect('publisher');
  }

  async subscribe(userId: string, listener: RealtimeListener): Promise<() => Promise<void>> {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    const unsubscribe = async () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
      await this.reconcile(userId).catch((error: unknown) =>
        this.logger.warn({ err: error }, 'Could not unsubscribe a realtime channel'),
      );
    };
    try {
      await this.reconcile(userId);
    } catch (error) {
      await unsubscribe();
      throw error;
    }
    return unsubscribe;
  }

  protected async deliver(userId: string, message: string): Promise<void> {
    await this.publisher.publish(this.channelOf(userId), message);
  }

  async onModuleDestroy(): Promise<void> {
    await Promise.allSettled([this.publisher.quit(), this.subscriber?.quit()]);
  }

  /** Brings the user's channel subscription in line with whether any listener is left. */
  private reconcile(userId: string): Promise<void> {
    const previous = this.pending.get(userId) ?? Promise.resolve();
    const next = previous
      .catch(() => undefined)
      .then(async () => {
        const wanted = (this.listeners.get(userId)?.size ?? 0) > 0;
        if (wanted && !this.subscribed.has(userId)) {
          await this.subscriberConnection().subscribe(this.channelOf(userId));
          this.subscribed.add(userId);
        } else if (!wanted && this.subscribed.has(userId)) {
          this.subscribed.delete(userId);
          await this.subscriberConnection().unsubscribe(this.channelOf(userId));
        }
      });
    this.pending.set(userId, next);
    void next
      .finally(() => {
        if (this.pending.get(userId) === next) this.pending.delete(userId);
      })
      .catch(() => undefined);
    return next;
  }

  private subscriberConnection(): Redis {
    if (this.subscriber) return this.subscriber;
    const subscriber = this.connect('subscriber');
    subscriber.on('message', (channel: string, message: string) => {
      const userId = channel.slice(this.channelPrefix.length + 'user:'.length);
      for (const listener of [...(this.listeners.get(userId) ?? [])]) {
        try {
          listener(message);
        } catch (error) {
          this.logger.warn({ err: error }, 'A realtime listener failed');
        }
      }
    });
    return (this.subscriber = subscriber);
  }

  private connect(role: 'publisher' | 'subscriber'): Redis {
    const connection = new Redis(this.url, {
      connectionName: `fluentpro-realtime-${role}`,
      // Fail a command after a few reconnection attempts rather than queueing it for ever.
      maxRetriesPerRequest: 2,
      ...(role === 'publisher' ? { commandTimeout: 2000 } : {}),
    });
    connection.on('error', (error: Error) =>
      this.logger.warn({ err: error, role }, 'Realtime Redis connection error'),
    );
    return connection;
  }

  private channelOf(userId: string): string {
    return `${this.channelPrefix}user:${userId}`;
  }
}

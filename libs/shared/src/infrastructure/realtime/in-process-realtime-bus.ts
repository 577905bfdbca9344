import { RealtimeBus, RealtimeListener } from './realtime-bus';

/** The embedded mode (no REDIS_URL): events reach the sockets of this process only. */
export class InProcessRealtimeBus extends RealtimeBus {
  private readonly listeners = new Map<string, Set<RealtimeListener>>();

  subscribe(userId: string, listener: RealtimeListener): Promise<() => Promise<void>> {
    let set = this.listeners.get(userId);
    if (!set) this.listeners.set(userId, (set = new Set()));
    set.add(listener);
    return Promise.resolve(() => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId);
      return Promise.resolve();
    });
  }

  protected deliver(userId: string, message: string): Promise<void> {
    for (const listener of [...(this.listeners.get(userId) ?? [])]) {
      try {
        listener(message);
      } catch (error) {
        this.logger.warn({ err: error }, 'A realtime listener failed');
      }
    }
    return Promise.resolve();
  }
}

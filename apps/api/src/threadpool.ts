import { randomFill } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * Starts libuv's threadpool, where argon2id hashes and RSA signatures run, and returns its thread ids:
 * libuv creates every pool thread at the first threadpool job, synchronously, so the threads that
 * appear across one tiny job are the pool. main.ts calls it first, before any dependency can start the
 * pool (one does, while loading). Empty where threads cannot be listed (not Linux) or when the pool
 * was already running.
 */
export function startThreadpool(): number[] {
  if (process.platform !== 'linux') return [];
  const threadIds = () => readdirSync('/proc/self/task').map(Number);
  const before = new Set(threadIds());
  randomFill(Buffer.alloc(1), () => undefined);
  return threadIds().filter((id) => !before.has(id));
}

/**
 * Lowers the CPU priority (raises the nice value) of the threadpool's threads. Under a login flood the
 * hashes keep every core busy; at equal priority the event loop then waits for a core behind them, and
 * every other request (profile reads, probes) waits too. At a lower priority the hashes use exactly the
 * CPU the event loop leaves: the same login throughput, and the rest of the API keeps its latency
 * (docs/performance.md). On Linux `setpriority` on a thread id applies to that thread only, and raising
 * a nice value needs no privilege. Returns what was done, or why nothing was.
 */
export function lowerThreadpoolPriority(poolThreads: readonly number[], nice: number): string {
  if (nice === 0) return 'threadpool priority unchanged (THREADPOOL_NICE=0)';
  if (process.platform !== 'linux')
    return `threadpool priority unchanged (not supported on ${process.platform})`;
  if (poolThreads.length === 0) return 'threadpool priority unchanged (the pool was started before main.ts)';
  try {
    for (const id of poolThreads) setPriority(id, nice);
  } catch (error) {
    return `threadpool priority unchanged (setpriority: ${(error as Error).message})`;
  }
  return `threadpool threads ${poolThreads.join(', ')} at nice ${nice}`;
}

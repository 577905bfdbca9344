import WebSocket from 'ws';

export interface ServerMessage {
  type: string;
  data?: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- asserted field by field
  [key: string]: unknown;
}

export interface TestSocket {
  socket: WebSocket;
  /** Every message received so far, in order. */
  messages: ServerMessage[];
  /** Resolves with the close code and reason (also when the server closes first). */
  closed: Promise<{ code: number; reason: string }>;
  /** The next message of this type (already received ones count), or rejects after `timeoutMs`. */
  next(type: string, timeoutMs?: number): Promise<ServerMessage>;
  send(message: unknown): void;
  close(): Promise<void>;
}

/** A `ws` client that records what it receives. */
export function openSocket(
  url: string,
  options: { protocols?: string[]; headers?: Record<string, string> } = {},
): TestSocket {
  const socket = new WebSocket(`${url}/ws`, options.protocols ?? [], { headers: options.headers });
  const messages: ServerMessage[] = [];
  const waiters: (() => void)[] = [];
  const used = new Set<number>();
  socket.on('message', (data) => {
    messages.push(JSON.parse((data as Buffer).toString('utf8')) as ServerMessage);
    for (const wake of waiters.splice(0)) wake();
  });
  socket.on('error', () => undefined);
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => {
      resolve({ code, reason: String(reason) });
      for (const wake of waiters.splice(0)) wake();
    }),
  );
  return {
    socket,
    messages,
    closed,
    next(type, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () =>
            reject(new Error(`no "${type}" message within ${timeoutMs} ms; got ${JSON.stringify(messages)}`)),
          timeoutMs,
        );
        const look = () => {
          const index = messages.findIndex((message, i) => !used.has(i) && message.type === type);
          if (index >= 0) {
            used.add(index);
            clearTimeout(timer);
            resolve(messages[index]);
          } else if (socket.readyState === WebSocket.CLOSED) {
            clearTimeout(timer);
            reject(new Error(`socket closed before a "${type}" message; got ${JSON.stringify(messages)}`));
          } else {
            waiters.push(look);
          }
        };
        look();
      });
    },
    send(message) {
      socket.send(typeof message === 'string' ? message : JSON.stringify(message));
    },
    async close() {
      if (socket.readyState === WebSocket.CLOSED) return;
      socket.close();
      await closed;
    },
  };
}

import type { IncomingMessage } from 'node:http';
import { Logger, OnModuleDestroy } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { Counter, Gauge } from 'prom-client';
import type { WebSocket } from 'ws';
import { SocketAuthenticator } from '@fluentpro/authentication';
import { AppConfig, MetricsRegistry, REALTIME_EVENTS, RealtimeBus } from '@fluentpro/shared';
import { CLOSE_CODES } from './close-codes';
import { originAllowed, parseClientMessage, tokenFromHandshake } from './handshake';
import { RealtimeConnection } from './realtime-connection';

const SESSION_REVOKED_PREFIX = `{"type":"${REALTIME_EVENTS.sessionRevoked}"`;
/** Longest a shutdown waits for clients to acknowledge the 1001 close. */
const SHUTDOWN_GRACE_MS = 1000;
/** setTimeout's largest delay (2^31 - 1 ms); longer ones fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

interface ConnectionState {
  authTimer: NodeJS.Timeout | null;
  expiryTimer: NodeJS.Timeout | null;
  authenticating: boolean;
  unsubscribe: (() => Promise<void>) | null;
}

/**
 * `/ws` on the API's HTTP server. A socket authenticates with an access token (subprotocol, header or
 * first message), then receives the events published to its user by any process, a heartbeat, and
 * is closed with a documented code when its token expires or its session ends (docs/realtime.md).
 * Tokens are never logged.
 */
@WebSocketGateway({ path: '/ws' })
export class RealtimeGateway implements OnGatewayInit, OnGatewayConnection, OnModuleDestroy {
  private readonly logger = new Logger('Realtime');
  private readonly connections = new Map<RealtimeConnection, ConnectionState>();
  private readonly byUser = new Map<string, Set<RealtimeConnection>>();
  private heartbeat: NodeJS.Timeout | null = null;
  private readonly closes: Counter<'code'>;

  constructor(
    private readonly config: AppConfig,
    private readonly authenticator: SocketAuthenticator,
    private readonly bus: RealtimeBus,
    metrics: MetricsRegistry,
  ) {
    const openSockets = () => this.openSocketCount();
    new Gauge({
      name: 'fluentpro_websocket_connections',
      help: 'Open, authenticated WebSockets on /ws in this process',
      registers: [metrics.registry],
      collect() {
        this.set(openSockets());
      },
    });
    this.closes = new Counter({
      name: 'fluentpro_websocket_closes_total',
      help: 'WebSockets closed, by close code (docs/realtime.md: 4401 token, 4409 revoked, 4413 slow client...)',
      labelNames: ['code'],
      registers: [metrics.registry],
    });
  }

  afterInit(): void {
    this.heartbeat = setInterval(() => void this.beat(), this.config.env.REALTIME_HEARTBEAT_INTERVAL_MS);
    this.heartbeat.unref();
  }

  /** Open, authenticated sockets of this process (of one user, or of all), for tests and metrics. */
  openSocketCount(userId?: string): number {
    const sockets = userId ? [...(this.byUser.get(userId) ?? [])] : [...this.connections.keys()];
    return sockets.filter((connection) => connection.principal && connection.isOpen).length;
  }

  handleConnection(socket: WebSocket, request: IncomingMessage): void {
    const connection = new RealtimeConnection(socket, this.config.env.REALTIME_MAX_BUFFERED_BYTES);
    const state: ConnectionState = {
      authTimer: null,
      expiryTimer: null,
      authenticating: false,
      unsubscribe: null,
    };
    this.connections.set(connection, state);
    socket.once('close', (code: number) => {
      this.closes.inc({ code: String(code) });
      this.forget(connection, state);
    });

    if (!originAllowed(request, this.config.corsOrigins)) {
      connection.close(CLOSE_CODES.forbiddenOrigin, 'Origin not allowed');
      return;
    }
    socket.on('message', (data: unknown, isBinary: boolean) =>
      this.onMessage(connection, state, parseClientMessage(data, isBinary)),
    );
    const token = tokenFromHandshake(request);
    if (token) {
      void this.authenticate(connection, state, token);
    } else {
      state.authTimer = connection.after(this.config.env.REALTIME_AUTH_TIMEOUT_MS, () =>
        connection.close(CLOSE_CODES.authTimeout, 'No access token received in time'),
      );
    }
  }

  async onModuleDestroy(): Promise<void> {
    if (this.heartbeat) clearInterval(this.heartbeat);
    const closed = [...this.connections.keys()].map(
      (connection) =>
        new Promise<void>((resolve) => {
          if (connection.socket.readyState === connection.socket.CLOSED) return resolve();
          connection.socket.once('close', () => resolve());
          connection.close(CLOSE_CODES.goingAway, 'Server shutting down');
        }),
    );
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.all(closed),
      new Promise<void>((resolve) => (timer = setTimeout(resolve, SHUTDOWN_GRACE_MS))),
    ]);
    clearTimeout(timer);
    await Promise.allSettled([...this.connections.values()].map((state) => this.unsubscribe(state)));
  }

  private onMessage(
    connection: RealtimeConnection,
    state: ConnectionState,
    message: ReturnType<typeof parseClientMessage>,
  ): void {
    connection.alive = true;
    if (!connection.principal) {
      if (state.authenticating) return;
      if (!message) return connection.close(CLOSE_CODES.badMessage, 'Expected a JSON message');
      if (message.type !== 'authenticate' || typeof message.access_token !== 'string')
        return connection.close(CLOSE_CODES.invalidToken, 'Authenticate first');
      connection.cancel(state.authTimer);
      void this.authenticate(connection, state, message.access_token);
      return;
    }
    if (!message) {
      connection.sendJson({ type: 'error', data: { message: 'Messages are JSON objects with a "type"' } });
      return;
    }
    if (message.type === 'ping') {
      connection.sendJson({ type: 'pong' });
    } else if (message.type === 'authenticate' && typeof message.access_token === 'string') {
      if (!state.authenticating) void this.authenticate(connection, state, message.access_token);
    } else {
      connection.sendJson({ type: 'error', data: { message: `Unknown message type: ${message.type}` } });
    }
  }

  /** First authentication, or a fresh token for an open socket (same user) to extend it. */
  private async authenticate(
    connection: RealtimeConnection,
    state: ConnectionState,
    token: string,
  ): Promise<void> {
    state.authenticating = true;
    try {
      const result = await this.authenticator.authenticate(token);
      if (!connection.isOpen) return;
      if (!result.ok) {
        if (result.reason === 'revoked') connection.close(CLOSE_CODES.sessionRevoked, 'Session revoked');
        else connection.close(CLOSE_CODES.invalidToken, 'Invalid or expired access token');
        return;
      }
      const principal = result.principal;
      const previous = connection.principal;
      if (previous && previous.userId !== principal.userId) {
        connection.close(CLOSE_CODES.invalidToken, 'The token belongs to another user');
        return;
      }
      if (!previous) {
        const mine = this.byUser.get(principal.userId) ?? new Set<RealtimeConnection>();
        if (mine.size >= this.config.env.REALTIME_MAX_CONNECTIONS_PER_USER) {
          connection.close(CLOSE_CODES.tooManyConnections, 'Too many open sockets for this user');
          return;
        }
        mine.add(connection);
        this.byUser.set(principal.userId, mine);
        connection.principal = principal;
        try {
          state.unsubscribe = await this.bus.subscribe(principal.userId, (message) =>
            this.deliver(connection, message),
          );
        } catch (error) {
          this.logger.warn({ err: error }, 'Could not subscribe a socket to its realtime channel');
          connection.close(CLOSE_CODES.tryAgainLater, 'Realtime delivery is unavailable; retry later');
          return;
        }
        // Closed while subscribing: the close handler found nothing to unsubscribe.
        if (!connection.isOpen) return void (await this.unsubscribe(state));
      }
      connection.principal = principal;
      this.closeAtExpiry(connection, state);
      connection.sendJson({
        type: 'ready',
        data: {
          user_id: principal.userId,
          session_id: principal.sessionId,
          expires_at: principal.expiresAt.toISOString(),
          heartbeat_interval_ms: this.config.env.REALTIME_HEARTBEAT_INTERVAL_MS,
        },
      });
    } catch (error) {
      this.logger.error({ err: error }, 'Authenticating a socket failed');
      connection.close(CLOSE_CODES.tryAgainLater, 'Authentication is unavailable; retry later');
    } finally {
      state.authenticating = false;
    }
  }

  /** Closes the socket with 4401 when its token expires (in steps: timers cannot wait past ~24.8 days). */
  private closeAtExpiry(connection: RealtimeConnection, state: ConnectionState): void {
    connection.cancel(state.expiryTimer);
    const remaining = (connection.principal?.expiresAt.getTime() ?? 0) - Date.now();
    state.expiryTimer =
      remaining > MAX_TIMER_MS
        ? connection.after(MAX_TIMER_MS, () => this.closeAtExpiry(connection, state))
        : connection.after(Math.max(0, remaining), () =>
            connection.close(CLOSE_CODES.invalidToken, 'Access token expired'),
          );
  }

  private deliver(connection: RealtimeConnection, message: string): void {
    if (!message.startsWith(SESSION_REVOKED_PREFIX)) {
      connection.send(message);
      return;
    }
    const revoked = (JSON.parse(message) as { data?: { session_id?: unknown } }).data?.session_id;
    connection.send(message);
    if (revoked === connection.principal?.sessionId)
      connection.close(CLOSE_CODES.sessionRevoked, 'Session revoked');
  }

  /**
   * Every interval: drop sockets that missed the last pong, ping the others and send them a heartbeat
   * message (browsers cannot see pings), then recheck all their sessions in one query, so a session
   * ended while its notice was lost (Redis blip) still closes its socket within one interval.
   */
  private async beat(): Promise<void> {
    const checked: [RealtimeConnection, string][] = [];
    const at = new Date().toISOString();
    for (const connection of this.connections.keys()) {
      if (!connection.principal || !connection.isOpen) continue;
      if (!connection.alive) {
        connection.socket.terminate();
        continue;
      }
      connection.alive = false;
      connection.socket.ping();
      connection.sendJson({ type: 'heartbeat', data: { at } });
      checked.push([connection, connection.principal.sessionId]);
    }
    if (checked.length === 0) return;
    try {
      const active = await this.authenticator.activeSessions([...new Set(checked.map(([, id]) => id))]);
      for (const [connection, sessionId] of checked) {
        if (connection.principal?.sessionId === sessionId && !active.has(sessionId))
          connection.close(CLOSE_CODES.sessionRevoked, 'Session no longer active');
      }
    } catch (error) {
      this.logger.warn({ err: error }, 'Rechecking the sessions of open sockets failed');
    }
  }

  private forget(connection: RealtimeConnection, state: ConnectionState): void {
    this.connections.delete(connection);
    const principal = connection.principal;
    if (principal) {
      const mine = this.byUser.get(principal.userId);
      mine?.delete(connection);
      if (mine?.size === 0) this.byUser.delete(principal.userId);
    }
    void this.unsubscribe(state);
  }

  private async unsubscribe(state: ConnectionState): Promise<void> {
    const unsubscribe = state.unsubscribe;
    state.unsubscribe = null;
    await unsubscribe?.().catch((error: unknown) =>
      this.logger.warn({ err: error }, 'Could not unsubscribe a closed socket'),
    );
  }
}

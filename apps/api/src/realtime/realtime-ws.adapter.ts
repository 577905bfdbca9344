import type { INestApplicationContext } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import type { WebSocket, WebSocketServer } from 'ws';
import type { AppConfig } from '@fluentpro/shared';
import { selectProtocol } from './handshake';

/**
 * Nest's `ws` adapter on the API's own HTTP server (Fastify's), with the limits from the
 * configuration: largest client message, the `bearer` subprotocol, no compression (per-message
 * deflate costs memory per socket and invites compression attacks on token-bearing traffic). A
 * client breaking the protocol (oversized or malformed frames) is a warning without a stack, not a
 * server error.
 */
export class RealtimeWsAdapter extends WsAdapter {
  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  override create(port: number, options: Record<string, unknown> & { path?: string } = {}): unknown {
    return super.create(port, {
      ...options,
      maxPayload: this.config.env.REALTIME_MAX_MESSAGE_BYTES,
      perMessageDeflate: false,
      handleProtocols: selectProtocol,
    });
  }

  override bindErrorHandler(server: WebSocketServer): WebSocketServer {
    server.on('connection', (socket: WebSocket) =>
      socket.on('error', (error: Error & { code?: string }) =>
        this.logger.warn(
          { code: error.code, reason: error.message },
          'A WebSocket client broke the protocol',
        ),
      ),
    );
    server.on('error', (error: Error) => this.logger.error({ err: error }, 'WebSocket server error'));
    return server;
  }
}

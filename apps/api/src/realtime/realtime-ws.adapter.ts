import type { INestApplicationContext } from '@nestjs/common';
import { WsAdapter } from '@nestjs/platform-ws';
import type { AppConfig } from '@fluentpro/shared';
import { selectProtocol } from './handshake';

/**
 * Nest's `ws` adapter on the API's own HTTP server (Fastify's), with the limits from the
 * configuration: largest client message, the `bearer` subprotocol, no compression (per-message
 * deflate costs memory per socket and invites compression attacks on token-bearing traffic).
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
}

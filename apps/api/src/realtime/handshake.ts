import type { IncomingMessage } from 'node:http';

/** The subprotocol a browser offers, next to the token, to authenticate in the handshake. */
export const BEARER_PROTOCOL = 'bearer';

/** ws's `handleProtocols`: answer `bearer` when offered (never echo the token itself). */
export function selectProtocol(protocols: Set<string>): string | false {
  return protocols.has(BEARER_PROTOCOL) ? BEARER_PROTOCOL : false;
}

/**
 * The access token carried by the upgrade request, if any: `Sec-WebSocket-Protocol: bearer, <token>`
 * (browsers: `new WebSocket(url, ['bearer', token])`) or `Authorization: Bearer <token>` (other
 * clients). Never from the query string, which proxies log.
 */
export function tokenFromHandshake(request: IncomingMessage): string | null {
  const offered = String(request.headers['sec-websocket-protocol'] ?? '')
    .split(',')
    .map((protocol) => protocol.trim())
    .filter(Boolean);
  if (offered.includes(BEARER_PROTOCOL)) {
    const token = offered.find((protocol) => protocol !== BEARER_PROTOCOL);
    if (token) return token;
  }
  const authorization = request.headers.authorization;
  if (authorization && /^Bearer /i.test(authorization)) return authorization.slice(7).trim() || null;
  return null;
}

/**
 * Browsers send Origin; a page may open the socket when its origin is in CORS_ORIGINS (or `*`), or
 * is this server itself. Clients that send no Origin (apps, servers) are not browsers and pass.
 */
export function originAllowed(request: IncomingMessage, allowedOrigins: string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowedOrigins.includes('*') || allowedOrigins.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

export interface ClientMessage {
  type: string;
  access_token?: unknown;
}

/** A client message: a JSON object with a string `type`, or null. */
export function parseClientMessage(data: unknown, isBinary: boolean): ClientMessage | null {
  if (isBinary) return null;
  try {
    const text = Buffer.isBuffer(data) ? data.toString('utf8') : String(data);
    const message = JSON.parse(text) as unknown;
    if (typeof message !== 'object' || message === null || Array.isArray(message)) return null;
    const type = (message as { type?: unknown }).type;
    return typeof type === 'string' ? (message as ClientMessage) : null;
  } catch {
    return null;
  }
}

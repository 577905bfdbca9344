/** WebSocket close codes of /ws (docs/realtime.md). 4xxx mirror the HTTP status they resemble. */
export const CLOSE_CODES = {
  /** The server is shutting down; reconnect (to another replica). */
  goingAway: 1001,
  /** A client message larger than REALTIME_MAX_MESSAGE_BYTES (sent by the ws library itself). */
  messageTooBig: 1009,
  /** Realtime delivery is unavailable (Redis unreachable); reconnect later. */
  tryAgainLater: 1013,
  /** A message that is not JSON of the documented shape, before authentication. */
  badMessage: 4400,
  /** The access token is missing, invalid or has expired (also sent when it expires while open). */
  invalidToken: 4401,
  /** The page's Origin is not in CORS_ORIGINS. */
  forbiddenOrigin: 4403,
  /** No access token arrived within REALTIME_AUTH_TIMEOUT_MS. */
  authTimeout: 4408,
  /** The session of the token was revoked (logout, deactivation, password change...). */
  sessionRevoked: 4409,
  /** The client let more than REALTIME_MAX_BUFFERED_BYTES pile up: too slow to keep up. */
  slowConsumer: 4413,
  /** The user already holds REALTIME_MAX_CONNECTIONS_PER_USER sockets on this server. */
  tooManyConnections: 4429,
} as const;

import { randomUUID } from 'node:crypto';
import { signUpUser } from '../support/accounts';
import { LogCapture } from '../support/log-capture';
import { createTestApp, TestApp } from '../support/test-app';
import { openSocket } from '../support/ws-client';

/**
 * Its own file: Nest's logger is process-wide, so the app whose log lines are read must be the only
 * one the file starts.
 */
describe('WebSocket logging', () => {
  let t: TestApp;
  let ws: string;
  const logs = new LogCapture();

  beforeAll(async () => {
    t = await createTestApp(
      {
        LOG_LEVEL: 'trace',
        REALTIME_REDIS_CHANNEL_PREFIX: `test-${randomUUID()}:`,
        REALTIME_MAX_MESSAGE_BYTES: '16384',
      },
      { logDestination: logs },
    );
    ws = (await t.listen()).ws;
  });
  afterAll(() => t.close());

  it('never writes an access token to the log, whichever way it arrives or fails', async () => {
    const user = await signUpUser(t);
    const tampered = `${user.accessToken.slice(0, -4)}AAAA`;
    const sockets = [
      openSocket(ws, { protocols: ['bearer', user.accessToken] }),
      openSocket(ws, { headers: { authorization: `Bearer ${user.accessToken}` } }),
      openSocket(ws, { protocols: ['bearer', tampered] }),
    ];
    await sockets[0].next('ready');
    await sockets[1].next('ready');
    expect((await sockets[2].closed).code).toBe(4401);
    const viaMessage = openSocket(ws);
    await new Promise((resolve) => viaMessage.socket.once('open', resolve));
    // Over the size limit: the ws library fails the socket (1009) and the adapter logs that error.
    viaMessage.send({ type: 'authenticate', access_token: user.accessToken, padding: 'x'.repeat(20_000) });
    expect((await viaMessage.closed).code).toBe(1009);
    await Promise.all(sockets.map((socket) => socket.close()));

    // Logging is on, and the protocol violation was logged (as a warning, without the frame).
    expect(logs.matching({ level: 'warn', code: 'WS_ERR_UNSUPPORTED_MESSAGE_LENGTH' })).toHaveLength(1);
    const signatures = [user.accessToken, tampered].map((token) => token.split('.')[2]);
    for (const line of logs.raw) for (const signature of signatures) expect(line).not.toContain(signature);
  });
});

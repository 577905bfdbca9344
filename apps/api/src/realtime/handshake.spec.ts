import type { IncomingMessage } from 'node:http';
import { originAllowed, parseClientMessage, selectProtocol, tokenFromHandshake } from './handshake';

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('WebSocket handshake', () => {
  it('takes the token from the bearer subprotocol pair, or from the Authorization header', () => {
    expect(tokenFromHandshake(request({ 'sec-websocket-protocol': 'bearer, a.b.c' }))).toBe('a.b.c');
    expect(tokenFromHandshake(request({ 'sec-websocket-protocol': 'a.b.c, bearer' }))).toBe('a.b.c');
    expect(tokenFromHandshake(request({ authorization: 'Bearer a.b.c' }))).toBe('a.b.c');
    expect(tokenFromHandshake(request({ 'sec-websocket-protocol': 'bearer' }))).toBeNull();
    expect(tokenFromHandshake(request({ 'sec-websocket-protocol': 'graphql-ws' }))).toBeNull();
    expect(tokenFromHandshake(request({ authorization: 'Basic dXNlcjpwdw==' }))).toBeNull();
    expect(tokenFromHandshake(request({}))).toBeNull();
  });

  it('answers the bearer subprotocol, never the token', () => {
    expect(selectProtocol(new Set(['bearer', 'a.b.c']))).toBe('bearer');
    expect(selectProtocol(new Set(['a.b.c']))).toBe(false);
  });

  it('lets through no Origin, a listed one, `*`, and the server itself; refuses others', () => {
    const allowed = ['https://app.example'];
    expect(originAllowed(request({}), allowed)).toBe(true);
    expect(originAllowed(request({ origin: 'https://app.example' }), allowed)).toBe(true);
    expect(originAllowed(request({ origin: 'https://evil.example' }), allowed)).toBe(false);
    expect(originAllowed(request({ origin: 'https://evil.example' }), ['*'])).toBe(true);
    expect(originAllowed(request({ origin: 'http://api.local:8000', host: 'api.local:8000' }), [])).toBe(
      true,
    );
    expect(originAllowed(request({ origin: 'null', host: 'api.local:8000' }), [])).toBe(false);
  });

  it('parses client messages: JSON objects with a string type, nothing else', () => {
    expect(parseClientMessage(Buffer.from('{"type":"ping"}'), false)).toEqual({ type: 'ping' });
    expect(parseClientMessage(Buffer.from('{"type":"ping"}'), true)).toBeNull();
    expect(parseClientMessage(Buffer.from('[1]'), false)).toBeNull();
    expect(parseClientMessage(Buffer.from('{"type":1}'), false)).toBeNull();
    expect(parseClientMessage(Buffer.from('nope'), false)).toBeNull();
  });
});

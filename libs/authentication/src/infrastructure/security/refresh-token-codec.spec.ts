import { randomBytes } from 'node:crypto';
import { RefreshTokenCodec } from './refresh-token-codec';

describe('RefreshTokenCodec', () => {
  const codec = new RefreshTokenCodec(randomBytes(32));
  const sessionId = '6f1c0f0e-2a4b-4c55-9d43-1f9f0c3c2b1a';

  it('round-trips <session id>.<secret>', () => {
    const secret = codec.newSecret();
    expect(codec.parse(codec.format(sessionId, secret))).toEqual({ sessionId, secret });
  });

  it.each([
    '',
    'garbage',
    `${sessionId}.`,
    `${sessionId}.short`,
    `not-a-uuid.${'a'.repeat(43)}`,
    `${sessionId}.${'a'.repeat(42)}!`,
  ])('refuses %p', (token) => expect(codec.parse(token)).toBeNull());

  it('counts how many rotations behind the current secret a token stands', () => {
    const s0 = codec.newSecret();
    const s1 = codec.successor(s0);
    const s2 = codec.successor(s1);
    const current = codec.hash(s2);
    expect(codec.generationsBehind(s2, current)).toBe(0);
    expect(codec.generationsBehind(s1, current)).toBe(1);
    expect(codec.generationsBehind(s0, current)).toBe(2);
    expect(codec.generationsBehind(codec.newSecret(), current)).toBeNull();
  });

  it('derives successors that another key cannot predict', () => {
    const secret = codec.newSecret();
    expect(new RefreshTokenCodec(randomBytes(32)).successor(secret)).not.toBe(codec.successor(secret));
  });
});

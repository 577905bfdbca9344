import type { SecretOrKeyProvider } from 'passport-jwt';
import type { Principal } from '../../application/ports/identity-provider';

export interface VerifiedClaims {
  sub?: string;
  sid?: string;
  [claim: string]: unknown;
}

type JoseHeader = { alg?: unknown; kid?: unknown };

function parseHeader(encoded: string): JoseHeader | null {
  try {
    const header: unknown = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null ? header : null;
  } catch {
    return null;
  }
}

/**
 * Tokens of one issuer carry the same encoded header, so the last one decoded is kept: the
 * per-request JSON parse happens only for a header not seen just before (docs/performance.md).
 */
let lastEncoded: string | undefined;
let lastHeader: JoseHeader | null = null;

/** The JOSE header of a compact JWT, unverified (to pick the key); null when it is not one. */
export function jwtHeaderOf(rawJwt: string): Readonly<JoseHeader> | null {
  const dot = rawJwt.indexOf('.');
  const encoded = dot < 0 ? rawJwt : rawJwt.slice(0, dot);
  if (encoded !== lastEncoded) {
    lastHeader = parseHeader(encoded);
    lastEncoded = encoded;
  }
  return lastHeader;
}

/**
 * How the access-token strategy checks a token for the configured identity provider: where the
 * public key comes from, which issuer and audience to require, and how claims become a Principal
 * (including the session check that makes logout take effect at once).
 */
export abstract class AccessTokenVerifier {
  abstract readonly issuer: string;
  abstract readonly audience: string;
  abstract readonly keyProvider: SecretOrKeyProvider;
  /**
   * `rawToken` gives the verified token itself, for providers that recognise tokens they issued; a
   * provider that does not need it leaves it uncalled (over HTTP it parses the header a second time).
   */
  abstract toPrincipal(claims: VerifiedClaims, rawToken: () => string): Promise<Principal | null>;
}

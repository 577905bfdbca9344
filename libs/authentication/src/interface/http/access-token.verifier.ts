import type { SecretOrKeyProvider } from 'passport-jwt';
import type { Principal } from '../../application/ports/identity-provider';

export interface VerifiedClaims {
  sub?: string;
  sid?: string;
  [claim: string]: unknown;
}

/** The JOSE header of a compact JWT, unverified (to pick the key); null when it is not one. */
export function jwtHeaderOf(rawJwt: string): { alg?: unknown; kid?: unknown } | null {
  try {
    const header: unknown = JSON.parse(Buffer.from(rawJwt.split('.')[0], 'base64url').toString('utf8'));
    return typeof header === 'object' && header !== null ? header : null;
  } catch {
    return null;
  }
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
  /** `rawToken` is the verified token itself, for providers that recognise tokens they issued. */
  abstract toPrincipal(claims: VerifiedClaims, rawToken: string): Promise<Principal | null>;
}

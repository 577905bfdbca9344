import {
  createHash,
  createHmac,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  KeyObject,
} from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AppConfig } from '@fluentpro/shared';

export interface PublicJwk {
  kty: string;
  n: string;
  e: string;
  kid: string;
  alg: 'RS256';
  use: 'sig';
}

/** RFC 7638 thumbprint of an RSA public key: a stable key id derived from the key itself. */
function thumbprint(publicKey: KeyObject): string {
  const { e, kty, n } = publicKey.export({ format: 'jwk' });
  return createHash('sha256').update(JSON.stringify({ e, kty, n })).digest('base64url');
}

function loadOrCreatePrivateKeyPem(config: AppConfig): string {
  if (config.env.JWT_PRIVATE_KEY) return config.env.JWT_PRIVATE_KEY;
  const directory = resolve(config.env.JWT_KEYS_DIR);
  const file = join(directory, 'signing-key.pem');
  if (existsSync(file)) return readFileSync(file, 'utf8');
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  writeFileSync(file, pem, { mode: 0o600, flag: 'wx' });
  return pem;
}

/**
 * The RS256 signing key: from JWT_PRIVATE_KEY (PEM), or generated and kept under JWT_KEYS_DIR on the
 * first start in the embedded mode. Keys are parsed once into KeyObjects: verifying (~30 µs) is
 * synchronous; signing (~0.4 ms) runs on a threadpool thread that hashing leaves free (hashes in flight
 * are capped below the pool size, see AppConfig.hashConcurrency).
 */
export class SigningKeys {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;
  readonly keyId: string;
  /** Derives refresh-token successors; never leaves the process. */
  readonly refreshSecret: Buffer;

  private constructor(pem: string, keyId: string | undefined) {
    this.privateKey = createPrivateKey(pem);
    if (this.privateKey.asymmetricKeyType !== 'rsa')
      throw new Error('JWT_PRIVATE_KEY must be an RSA private key');
    this.publicKey = createPublicKey(this.privateKey);
    this.keyId = keyId ?? thumbprint(this.publicKey);
    const der = this.privateKey.export({ type: 'pkcs8', format: 'der' });
    this.refreshSecret = createHmac('sha256', der).update('fluentpro refresh-token chain v1').digest();
  }

  static load(config: AppConfig): SigningKeys {
    return new SigningKeys(loadOrCreatePrivateKeyPem(config), config.env.JWT_KEY_ID);
  }

  jwks(): { keys: PublicJwk[] } {
    const { kty, n, e } = this.publicKey.export({ format: 'jwk' });
    return { keys: [{ kty: kty!, n: n!, e: e!, kid: this.keyId, alg: 'RS256', use: 'sig' }] };
  }
}

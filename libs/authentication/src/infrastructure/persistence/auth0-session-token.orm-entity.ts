import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/**
 * A token Auth0 issued to a local session (Auth0 mode only): the SHA-256 of the token, never the
 * token. Access tokens are recognised by it on every request, so ending the session ends them;
 * refresh tokens carry their rotation generation, so a reused one can be told from the current one.
 */
@Entity({ name: 'auth0_session_tokens' })
@Index('auth0_session_tokens_session_id_idx', ['sessionId'])
export class Auth0SessionTokenRecord {
  @PrimaryColumn({ name: 'token_hash', type: 'varchar', length: 64 })
  tokenHash: string;

  @PrimaryColumn({ name: 'session_id', type: 'varchar', length: 36 })
  sessionId: string;

  @Column({ type: 'varchar', length: 8 })
  kind: 'access' | 'refresh';

  /** Refresh tokens: 0 for the one issued at log-in, +1 per rotation. Access tokens: 0. */
  @Column({ type: 'integer' })
  generation: number;

  @Column({ name: 'expires_at' })
  expiresAt: Date;

  @Column({ name: 'created_at' })
  createdAt: Date;
}

import { Injectable } from '@nestjs/common';
import { TypeOrmUnitOfWork } from '@fluentpro/shared';
import { In } from 'typeorm';
import { Auth0SessionTokenRecord } from './auth0-session-token.orm-entity';

export interface IssuedToken {
  tokenHash: string;
  kind: 'access' | 'refresh';
  generation: number;
  expiresAt: Date;
}

export interface KnownRefreshToken {
  sessionId: string;
  generation: number;
}

/** The tokens Auth0 issued to local sessions, by digest (Auth0 mode). */
@Injectable()
export class TypeOrmAuth0SessionTokens {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {}

  private get records() {
    return this.unitOfWork.manager.getRepository(Auth0SessionTokenRecord);
  }

  /** Records tokens of a session; a token already recorded for it (a racing refresh) is kept once. */
  async record(sessionId: string, tokens: IssuedToken[], now: Date): Promise<void> {
    if (tokens.length === 0) return;
    await this.records
      .createQueryBuilder()
      .insert()
      .values(tokens.map((token) => ({ ...token, sessionId, createdAt: now })))
      .orIgnore()
      .execute();
  }

  async findRefreshToken(tokenHash: string): Promise<KnownRefreshToken | null> {
    const record = await this.records.findOne({
      select: { sessionId: true, generation: true },
      where: { tokenHash, kind: 'refresh' },
    });
    return record ? { sessionId: record.sessionId, generation: record.generation } : null;
  }

  /** The newest refresh-token generation of the session (-1 when it has none). */
  async headGeneration(sessionId: string): Promise<number> {
    const head = await this.records.findOne({
      select: { generation: true },
      where: { sessionId, kind: 'refresh' },
      order: { generation: 'DESC' },
    });
    return head?.generation ?? -1;
  }

  /** Sessions an unexpired access token was issued to (one, unless Auth0 issued the same token twice). */
  async sessionsOfAccessToken(tokenHash: string, now: Date): Promise<string[]> {
    const records = await this.records.find({
      select: { sessionId: true, expiresAt: true },
      where: { tokenHash, kind: 'access' },
    });
    return records.filter((record) => now < record.expiresAt).map((record) => record.sessionId);
  }

  /** Whether Auth0 issued one access token to both sessions (two log-ins of a user within a second). */
  async shareAnAccessToken(sessionId: string, otherSessionId: string): Promise<boolean> {
    const own = await this.records.find({
      select: { tokenHash: true },
      where: { sessionId, kind: 'access' },
    });
    if (own.length === 0) return false;
    const shared = await this.records.count({
      where: {
        sessionId: otherSessionId,
        kind: 'access',
        tokenHash: In(own.map((record) => record.tokenHash)),
      },
    });
    return shared > 0;
  }

  /** Access tokens past their expiry are no longer needed to recognise anything. */
  async purgeExpiredAccessTokens(sessionId: string, now: Date): Promise<void> {
    const records = await this.records.find({
      select: { tokenHash: true, expiresAt: true },
      where: { sessionId, kind: 'access' },
    });
    const expired = records.filter((record) => record.expiresAt <= now).map((record) => record.tokenHash);
    if (expired.length > 0) await this.records.delete({ sessionId, tokenHash: In(expired) });
  }
}

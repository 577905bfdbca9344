import { Injectable } from '@nestjs/common';
import { insertRows, KeyLookup, TypeOrmUnitOfWork } from '@fluentpro/shared';
import { In, IsNull } from 'typeorm';
import { SessionRepository } from '../../application/ports/session.repository';
import type { Session } from '../../domain/session.aggregate';
import { SessionMapper } from './session.mapper';
import { SessionRecord } from './session.orm-entity';

const byId = new KeyLookup(SessionRecord, 'id');
/** The per-request session check of every authenticated route reads two columns only. */
const liveness = new KeyLookup(SessionRecord, 'id', { select: ['revokedAt', 'expiresAt'] });

@Injectable()
export class TypeOrmSessionRepository extends SessionRepository {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  private get records() {
    return this.unitOfWork.manager.getRepository(SessionRecord);
  }

  async findById(id: string): Promise<Session | null> {
    const record = await byId.find(this.unitOfWork.manager, id);
    return record ? SessionMapper.toDomain(record) : null;
  }

  async insert(session: Session): Promise<void> {
    await insertRows(this.unitOfWork.manager, SessionRecord, SessionMapper.toRecord(session));
  }

  /**
   * Written by hand, as it runs on every refresh: TypeORM's `update()` builds, escapes and rewrites its
   * SQL on every call (a fifth of a refresh's event-loop instructions; docs/performance.md). The
   * values are bound as the builder binds them (test/authentication/session-repository.e2e-spec.ts).
   */
  async saveRotation(session: Session, expectedTokenHash: string): Promise<boolean> {
    const { refreshTokenHash, rotatedAt, lastUsedAt } = session.snapshot();
    const { affected } = await this.unitOfWork.query(
      `UPDATE "sessions"
          SET "refresh_token_hash" = :refreshTokenHash, "rotated_at" = :rotatedAt, "last_used_at" = :lastUsedAt
        WHERE "id" = :id AND "refresh_token_hash" = :expectedTokenHash AND "revoked_at" IS NULL`,
      { refreshTokenHash, rotatedAt, lastUsedAt, id: session.id, expectedTokenHash },
    );
    return affected === 1;
  }

  async saveRevocation(session: Session): Promise<boolean> {
    const { revokedAt, revokedReason } = session.snapshot();
    const result = await this.records.update(
      { id: session.id, revokedAt: IsNull() },
      { revokedAt, revokedReason },
    );
    return (result.affected ?? 0) === 1;
  }

  async deleteFinished(expiredBefore: Date, revokedBefore: Date): Promise<number> {
    const result = await this.records
      .createQueryBuilder()
      .delete()
      .where('expires_at < :expiredBefore', { expiredBefore })
      .orWhere('revoked_at < :revokedBefore', { revokedBefore })
      .execute();
    return result.affected ?? 0;
  }

  async isActive(id: string, now: Date): Promise<boolean> {
    const record = await liveness.find(this.unitOfWork.manager, id);
    return record !== null && record.revokedAt === null && now < record.expiresAt;
  }

  async listActiveByUser(userId: string, now: Date): Promise<Session[]> {
    const records = await this.records.find({
      where: { userId, revokedAt: IsNull() },
      order: { lastUsedAt: 'DESC', createdAt: 'DESC' },
    });
    // Expiry is compared here rather than in SQL: SQLite keeps timestamps as text.
    return records.filter((record) => now < record.expiresAt).map((record) => SessionMapper.toDomain(record));
  }

  async findActiveIds(ids: string[], now: Date): Promise<Set<string>> {
    const active = new Set<string>();
    for (let start = 0; start < ids.length; start += 500) {
      const records = await this.records.find({
        select: { id: true, expiresAt: true },
        where: { id: In(ids.slice(start, start + 500)), revokedAt: IsNull() },
      });
      for (const record of records) if (now < record.expiresAt) active.add(record.id);
    }
    return active;
  }
}

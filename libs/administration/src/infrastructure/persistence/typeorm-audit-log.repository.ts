import { Injectable } from '@nestjs/common';
import { TypeOrmUnitOfWork } from '@fluentpro/shared';
import type { FindOptionsWhere } from 'typeorm';
import { AuditLogFilter, AuditLogRepository } from '../../application/ports/audit-log.repository';
import type { AuditEntry } from '../../domain/audit-entry';
import { AuditEntryMapper } from './audit-entry.mapper';
import { AuditLogEntryRecord } from './audit-log-entry.orm-entity';

@Injectable()
export class TypeOrmAuditLogRepository extends AuditLogRepository {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  private get records() {
    return this.unitOfWork.manager.getRepository(AuditLogEntryRecord);
  }

  async append(entry: AuditEntry): Promise<void> {
    await this.records.insert(AuditEntryMapper.toRecord(entry));
  }

  async find(filter: AuditLogFilter): Promise<{ entries: AuditEntry[]; total: number }> {
    const where: FindOptionsWhere<AuditLogEntryRecord> = {};
    if (filter.actorId) where.actorId = filter.actorId;
    if (filter.action) where.action = filter.action;
    if (filter.targetId) where.targetId = filter.targetId;
    const [records, total] = await this.records.findAndCount({
      where,
      order: { id: 'DESC' },
      skip: filter.offset,
      take: filter.limit,
    });
    return { entries: records.map((record) => AuditEntryMapper.toDomain(record)), total };
  }
}

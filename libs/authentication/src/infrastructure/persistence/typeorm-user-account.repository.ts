import { Injectable } from '@nestjs/common';
import { insertRows, isUniqueViolation, KeyLookup, TypeOrmUnitOfWork } from '@fluentpro/shared';
import { AccountSearch, UserAccountRepository } from '../../application/ports/user-account.repository';
import { EmailAlreadyRegisteredError } from '../../domain/authentication.errors';
import type { UserAccount } from '../../domain/user-account.aggregate';
import { UserAccountMapper } from './user-account.mapper';
import { UserAccountRecord } from './user-account.orm-entity';

const byId = new KeyLookup(UserAccountRecord, 'id');
// Emails are stored lower-cased; the unique index on lower(email) backs this lookup.
const byEmail = new KeyLookup(UserAccountRecord, 'email', { compare: (sql) => `lower(${sql})` });

@Injectable()
export class TypeOrmUserAccountRepository extends UserAccountRepository {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  private get records() {
    return this.unitOfWork.manager.getRepository(UserAccountRecord);
  }

  async findById(id: string): Promise<UserAccount | null> {
    const record = await byId.find(this.unitOfWork.manager, id);
    return record ? UserAccountMapper.toDomain(record) : null;
  }

  async findByEmail(email: string): Promise<UserAccount | null> {
    const record = await byEmail.find(this.unitOfWork.manager, email.toLowerCase());
    return record ? UserAccountMapper.toDomain(record) : null;
  }

  async findByExternalId(externalId: string): Promise<UserAccount | null> {
    const record = await this.records.findOneBy({ externalId });
    return record ? UserAccountMapper.toDomain(record) : null;
  }

  async insert(account: UserAccount): Promise<void> {
    try {
      await insertRows(this.unitOfWork.manager, UserAccountRecord, UserAccountMapper.toRecord(account));
    } catch (error) {
      if (isUniqueViolation(error)) throw new EmailAlreadyRegisteredError();
      throw error;
    }
  }

  async update(account: UserAccount): Promise<void> {
    const { id, ...changes } = UserAccountMapper.toRecord(account);
    await this.records.update({ id }, changes);
  }

  async delete(id: string): Promise<void> {
    await this.records.delete({ id });
  }

  async search(criteria: AccountSearch): Promise<{ accounts: UserAccount[]; total: number }> {
    const query = this.records.createQueryBuilder('account');
    if (criteria.text) {
      const pattern = `%${criteria.text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
      query.andWhere(
        `(lower(account.email) LIKE :pattern ESCAPE '\\' OR lower(account.fullName) LIKE :pattern ESCAPE '\\')`,
        { pattern },
      );
    }
    if (criteria.role) query.andWhere('account.role = :role', { role: criteria.role });
    if (criteria.active !== undefined)
      query.andWhere(criteria.active ? 'account.deactivatedAt IS NULL' : 'account.deactivatedAt IS NOT NULL');
    const [records, total] = await query
      .orderBy('account.createdAt', 'DESC')
      .addOrderBy('account.id', 'DESC')
      .offset(criteria.offset)
      .limit(criteria.limit)
      .getManyAndCount();
    return { accounts: records.map((record) => UserAccountMapper.toDomain(record)), total };
  }
}

import { Injectable } from '@nestjs/common';
import { isUniqueViolation, KeyLookup, TypeOrmUnitOfWork } from '@fluentpro/shared';
import { UserAccountRepository } from '../../application/ports/user-account.repository';
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
      await this.records.insert(UserAccountMapper.toRecord(account));
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
}

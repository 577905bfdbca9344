import { Injectable } from '@nestjs/common';
import { isUniqueViolation, TypeOrmUnitOfWork } from '@fluentpro/shared';
import { UserAccountRepository } from '../../application/ports/user-account.repository';
import { EmailAlreadyRegisteredError } from '../../domain/authentication.errors';
import type { UserAccount } from '../../domain/user-account.aggregate';
import { UserAccountMapper } from './user-account.mapper';
import { UserAccountRecord } from './user-account.orm-entity';

@Injectable()
export class TypeOrmUserAccountRepository extends UserAccountRepository {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  private get records() {
    return this.unitOfWork.manager.getRepository(UserAccountRecord);
  }

  async findById(id: string): Promise<UserAccount | null> {
    const record = await this.records.findOneBy({ id });
    return record ? UserAccountMapper.toDomain(record) : null;
  }

  async findByEmail(email: string): Promise<UserAccount | null> {
    // Emails are stored lower-cased; the unique index on lower(email) backs this lookup.
    const record = await this.records
      .createQueryBuilder('user')
      .where('lower(user.email) = :email', { email: email.toLowerCase() })
      .getOne();
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

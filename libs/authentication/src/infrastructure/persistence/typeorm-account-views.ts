import { Injectable } from '@nestjs/common';
import { KeyLookup, TypeOrmUnitOfWork } from '@fluentpro/shared';
import type { ProfileView } from '../../application/account.view';
import { AccountViews } from '../../application/ports/account-views';
import { UserAccountRecord } from './user-account.orm-entity';

const profileById = new KeyLookup(UserAccountRecord, 'id', {
  select: ['id', 'fullName', 'email', 'dateOfBirth', 'createdAt', 'updatedAt'],
});

@Injectable()
export class TypeOrmAccountViews extends AccountViews {
  constructor(private readonly unitOfWork: TypeOrmUnitOfWork) {
    super();
  }

  async profile(userId: string): Promise<ProfileView | null> {
    const record = await profileById.find(this.unitOfWork.manager, userId);
    if (!record) return null;
    return {
      id: record.id,
      full_name: record.fullName,
      email: record.email,
      date_of_birth: record.dateOfBirth,
      created_at: record.createdAt.toISOString(),
      updated_at: record.updatedAt.toISOString(),
    };
  }
}

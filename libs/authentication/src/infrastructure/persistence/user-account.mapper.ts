import { DateOfBirth } from '../../domain/date-of-birth.value-object';
import { Email } from '../../domain/email.value-object';
import { FullName } from '../../domain/full-name.value-object';
import { UserAccount } from '../../domain/user-account.aggregate';
import { UserAccountRecord } from './user-account.orm-entity';

export const UserAccountMapper = {
  toDomain(record: UserAccountRecord): UserAccount {
    return UserAccount.restore({
      id: record.id,
      email: Email.fromStored(record.email),
      fullName: FullName.fromStored(record.fullName),
      dateOfBirth: DateOfBirth.fromStored(record.dateOfBirth),
      passwordHash: record.passwordHash,
      externalId: record.externalId,
      role: record.role,
      deactivatedAt: record.deactivatedAt,
      createdAt: record.createdAt,
      updatedAt: record.updatedAt,
    });
  },

  toRecord(account: UserAccount): UserAccountRecord {
    const state = account.snapshot();
    return Object.assign(new UserAccountRecord(), {
      id: state.id,
      email: state.email.value,
      fullName: state.fullName.value,
      dateOfBirth: state.dateOfBirth.value,
      passwordHash: state.passwordHash,
      externalId: state.externalId,
      role: state.role,
      deactivatedAt: state.deactivatedAt,
      createdAt: state.createdAt,
      updatedAt: state.updatedAt,
    });
  },
};

import { DateOfBirth } from './date-of-birth.value-object';
import { Email } from './email.value-object';
import { FullName } from './full-name.value-object';
import { UserAccount } from './user-account.aggregate';

const created = new Date('2026-01-01T00:00:00Z');
const later = new Date('2026-02-01T00:00:00Z');

function account(): UserAccount {
  return UserAccount.register({
    email: Email.create('ada@example.com'),
    fullName: FullName.create('Ada Lovelace'),
    dateOfBirth: DateOfBirth.fromStored('1990-12-10'),
    passwordHash: 'hash',
    now: created,
  });
}

describe('UserAccount roles and status', () => {
  it('registers as an active user', () => {
    const registered = account();
    expect(registered.role).toBe('user');
    expect(registered.isAdmin).toBe(false);
    expect(registered.isActive).toBe(true);
  });

  it('changes role only when it differs', () => {
    const admin = account();
    expect(admin.changeRole('admin', later)).toBe(true);
    expect(admin.isAdmin).toBe(true);
    expect(admin.updatedAt).toEqual(later);
    expect(admin.changeRole('admin', new Date())).toBe(false);
    expect(admin.updatedAt).toEqual(later);
  });

  it('deactivates and reactivates idempotently', () => {
    const user = account();
    expect(user.deactivate(later)).toBe(true);
    expect(user.isActive).toBe(false);
    expect(user.deactivatedAt).toEqual(later);
    expect(user.deactivate(new Date())).toBe(false);
    expect(user.deactivatedAt).toEqual(later);
    expect(user.reactivate(later)).toBe(true);
    expect(user.isActive).toBe(true);
    expect(user.reactivate(later)).toBe(false);
  });

  it('replaces the password hash', () => {
    const user = account();
    user.changePasswordHash('new-hash', later);
    expect(user.passwordHash).toBe('new-hash');
    expect(user.updatedAt).toEqual(later);
  });
});

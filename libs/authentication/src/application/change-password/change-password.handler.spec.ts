import { Clock, ValidationFailedError } from '@fluentpro/shared';
import { PasswordManagedElsewhereError } from '../../domain/authentication.errors';
import { DateOfBirth } from '../../domain/date-of-birth.value-object';
import { Email } from '../../domain/email.value-object';
import { FullName } from '../../domain/full-name.value-object';
import { UserAccount } from '../../domain/user-account.aggregate';
import type { UserAccountRepository } from '../ports/user-account.repository';
import type { SessionRevocation } from '../session-revocation';
import { ChangePasswordCommand } from './change-password.command';
import { ChangePasswordHandler, INCORRECT_CURRENT_PASSWORD, SAME_PASSWORD } from './change-password.handler';

const now = new Date('2026-11-25T10:00:00Z');
const clock: Clock = { now: () => now };
const principal = { userId: 'u1', sessionId: 's1' };

function setup(
  options: { passwordHash?: string | null; currentMatches?: boolean; failuresOnRecord?: number } = {},
) {
  const account = UserAccount.restore({
    id: 'u1',
    email: Email.create('ada@example.com'),
    fullName: FullName.create('Ada Lovelace'),
    dateOfBirth: DateOfBirth.fromStored('1990-12-10'),
    passwordHash: options.passwordHash === undefined ? 'old-hash' : options.passwordHash,
    externalId: null,
    role: 'user',
    deactivatedAt: null,
    createdAt: now,
    updatedAt: now,
  });
  const accounts = {
    findById: jest.fn(() => Promise.resolve(UserAccount.restore(account.snapshot()))),
    update: jest.fn((_account: UserAccount) => Promise.resolve()),
  };
  const hasher = {
    verify: jest.fn(() => Promise.resolve(options.currentMatches ?? true)),
    hash: jest.fn((password: string) => Promise.resolve(`hash(${password})`)),
  };
  const throttle = {
    assertNotLocked: jest.fn(() => Promise.resolve(options.failuresOnRecord ?? 0)),
    recordFailure: jest.fn(() => Promise.resolve()),
    recordSuccess: jest.fn(() => Promise.resolve()),
  };
  const revocation = { revokeAllOf: jest.fn(() => Promise.resolve(2)) };
  const unitOfWork = {
    run: <T>(work: () => Promise<T>) => work(),
    runStatement: <T>(statement: () => Promise<T>) => statement(),
    afterCommit: jest.fn(),
  };
  const handler = new ChangePasswordHandler(
    accounts as unknown as UserAccountRepository,
    hasher,
    throttle,
    revocation as unknown as SessionRevocation,
    unitOfWork,
    clock,
  );
  return { handler, accounts, hasher, throttle, revocation };
}

describe('ChangePasswordHandler', () => {
  it('stores the new hash and ends every session but the caller’s', async () => {
    const { handler, accounts, revocation, throttle } = setup();
    const result = await handler.execute(
      new ChangePasswordCommand(principal, 'Old!Passw0rd', 'N3w!Passw0rd'),
    );
    expect(result).toEqual({ sessionsRevoked: 2 });
    expect(accounts.update.mock.calls[0][0].passwordHash).toBe('hash(N3w!Passw0rd)');
    expect(revocation.revokeAllOf).toHaveBeenCalledWith('u1', 'password-changed', { keepSessionId: 's1' });
    expect(throttle.recordSuccess).not.toHaveBeenCalled(); // no failures on record to clear
  });

  it('clears the failed logins on record once the current password is proven', async () => {
    const { handler, throttle } = setup({ failuresOnRecord: 2 });
    await handler.execute(new ChangePasswordCommand(principal, 'Old!Passw0rd', 'N3w!Passw0rd'));
    expect(throttle.recordSuccess).toHaveBeenCalledWith('ada@example.com');
  });

  it('refuses a wrong current password, counting it as a failed login, and changes nothing', async () => {
    const { handler, accounts, revocation, throttle } = setup({ currentMatches: false });
    const error = await handler
      .execute(new ChangePasswordCommand(principal, 'Wrong!Passw0rd', 'N3w!Passw0rd'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect((error as ValidationFailedError).details).toEqual({
      current_password: [INCORRECT_CURRENT_PASSWORD],
    });
    expect(throttle.recordFailure).toHaveBeenCalledWith('ada@example.com', now);
    expect(accounts.update).not.toHaveBeenCalled();
    expect(revocation.revokeAllOf).not.toHaveBeenCalled();
  });

  it('applies the policy and refuses the same password before hashing anything', async () => {
    const { handler, hasher } = setup();
    const weak = await handler
      .execute(new ChangePasswordCommand(principal, 'x', 'short'))
      .catch((e: unknown) => e);
    expect((weak as ValidationFailedError).details.new_password).toContain(
      'Password must be at least 8 characters long',
    );
    const same = await handler
      .execute(new ChangePasswordCommand(principal, 'Old!Passw0rd', 'Old!Passw0rd'))
      .catch((e: unknown) => e);
    expect((same as ValidationFailedError).details).toEqual({ new_password: [SAME_PASSWORD] });
    expect(hasher.verify).not.toHaveBeenCalled();
    expect(hasher.hash).not.toHaveBeenCalled();
  });

  it('refuses accounts whose credentials an external provider holds', async () => {
    const { handler } = setup({ passwordHash: null });
    await expect(
      handler.execute(new ChangePasswordCommand(principal, 'Old!Passw0rd', 'N3w!Passw0rd')),
    ).rejects.toBeInstanceOf(PasswordManagedElsewhereError);
  });
});

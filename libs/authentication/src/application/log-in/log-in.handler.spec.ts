import { Clock, ValidationFailedError } from '@fluentpro/shared';
import { AccountTemporarilyLockedError, InvalidCredentialsError } from '../../domain/authentication.errors';
import type { AuthenticatedAccount, IdentityProvider } from '../ports/identity-provider';
import { LogInCommand } from './log-in.command';
import { LogInHandler } from './log-in.handler';

const now = new Date('2026-11-25T10:00:00Z');
const clock: Clock = { now: () => now };

function setup(outcome: 'ok' | 'wrong' | 'locked', failuresOnRecord = 0) {
  const throttle = {
    assertNotLocked: jest.fn(() =>
      outcome === 'locked'
        ? Promise.reject(new AccountTemporarilyLockedError(30))
        : Promise.resolve(failuresOnRecord),
    ),
    recordFailure: jest.fn(() => Promise.resolve()),
    recordSuccess: jest.fn(() => Promise.resolve()),
  };
  const identity = {
    logIn: jest.fn(() =>
      outcome === 'wrong'
        ? Promise.reject(new InvalidCredentialsError())
        : Promise.resolve({ tokens: {}, account: {} } as AuthenticatedAccount),
    ),
  };
  const handler = new LogInHandler(identity as unknown as IdentityProvider, throttle, clock);
  return { handler, throttle, identity };
}

describe('LogInHandler', () => {
  it('clears the failure count after a successful login', async () => {
    const { handler, throttle } = setup('ok', 2);
    await handler.execute(new LogInCommand('John@Example.com', 'pw'));
    expect(throttle.assertNotLocked).toHaveBeenCalledWith('john@example.com', now);
    expect(throttle.recordSuccess).toHaveBeenCalledWith('john@example.com');
    expect(throttle.recordFailure).not.toHaveBeenCalled();
  });

  it('writes nothing to the throttle after a successful login with no failures on record', async () => {
    const { handler, throttle } = setup('ok');
    await handler.execute(new LogInCommand('john@example.com', 'pw'));
    expect(throttle.recordSuccess).not.toHaveBeenCalled();
    expect(throttle.recordFailure).not.toHaveBeenCalled();
  });

  it('records a failure and answers invalid credentials', async () => {
    const { handler, throttle } = setup('wrong');
    await expect(handler.execute(new LogInCommand('john@example.com', 'pw'))).rejects.toBeInstanceOf(
      InvalidCredentialsError,
    );
    expect(throttle.recordFailure).toHaveBeenCalledWith('john@example.com', now);
  });

  it('does not even check the password of a locked account', async () => {
    const { handler, identity } = setup('locked');
    await expect(handler.execute(new LogInCommand('john@example.com', 'pw'))).rejects.toBeInstanceOf(
      AccountTemporarilyLockedError,
    );
    expect(identity.logIn).not.toHaveBeenCalled();
  });

  it('refuses a malformed email before touching the throttle', async () => {
    const { handler, throttle } = setup('ok');
    await expect(handler.execute(new LogInCommand('nope', 'pw'))).rejects.toBeInstanceOf(
      ValidationFailedError,
    );
    expect(throttle.assertNotLocked).not.toHaveBeenCalled();
  });
});

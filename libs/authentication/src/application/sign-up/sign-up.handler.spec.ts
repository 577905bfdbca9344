import { Clock, ValidationFailedError } from '@fluentpro/shared';
import type { IdentityProvider, Registration } from '../ports/identity-provider';
import { SignUpCommand } from './sign-up.command';
import { SignUpHandler } from './sign-up.handler';

const clock: Clock = { now: () => new Date('2026-11-25T10:00:00Z') };

describe('SignUpHandler', () => {
  it('hands validated value objects to the identity provider', async () => {
    const signUp = jest.fn((registration: Registration) => Promise.resolve({ registration }));
    const handler = new SignUpHandler({ signUp } as unknown as IdentityProvider, clock);
    await handler.execute(
      new SignUpCommand(' Ana  Lee ', 'Ana@Example.com', 'Str0ng!Pass', '2000-02-29', { userAgent: 'jest' }),
    );
    const [registration, client] = signUp.mock.calls[0] as unknown as [Registration, unknown];
    expect(registration.fullName.value).toBe('Ana Lee');
    expect(registration.email.value).toBe('ana@example.com');
    expect(registration.dateOfBirth.value).toBe('2000-02-29');
    expect(client).toEqual({ userAgent: 'jest' });
  });

  it('reports every invalid field together and calls nothing', async () => {
    const signUp = jest.fn();
    const handler = new SignUpHandler({ signUp } as unknown as IdentityProvider, clock);
    const error = await handler
      .execute(new SignUpCommand('1', 'x', 'y', '2020-01-01'))
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationFailedError);
    expect(Object.keys((error as ValidationFailedError).details)).toEqual([
      'full_name',
      'email',
      'password',
      'date_of_birth',
    ]);
    expect(signUp).not.toHaveBeenCalled();
  });
});

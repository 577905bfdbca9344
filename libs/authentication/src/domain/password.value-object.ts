import { ValidationFailedError } from '@fluentpro/shared';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 128;

/** A clear-text password that meets the policy. Never stored, never logged: only its hash is kept. */
export class Password {
  private constructor(readonly value: string) {}

  static create(raw: string): Password {
    const length = [...raw].length;
    const messages: string[] = [];
    if (length < PASSWORD_MIN_LENGTH)
      messages.push(`Password must be at least ${PASSWORD_MIN_LENGTH} characters long`);
    if (length > PASSWORD_MAX_LENGTH)
      messages.push(`Password must be at most ${PASSWORD_MAX_LENGTH} characters long`);
    if (!/\p{Lu}/u.test(raw)) messages.push('Password must contain at least one uppercase letter');
    if (!/\p{Ll}/u.test(raw)) messages.push('Password must contain at least one lowercase letter');
    if (!/\p{Nd}/u.test(raw)) messages.push('Password must contain at least one digit');
    if (!/[^\p{L}\p{N}\s]/u.test(raw)) messages.push('Password must contain at least one special character');
    if (messages.length > 0) throw new ValidationFailedError({ password: messages });
    return new Password(raw);
  }

  toJSON(): string {
    return '[redacted]';
  }
}

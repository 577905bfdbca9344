import { ValidationFailedError } from '@fluentpro/shared';

const EMAIL_PATTERN = /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/;

/** An email address, normalised to lower case so it is stored and compared case-insensitively. */
export class Email {
  private constructor(readonly value: string) {}

  static create(raw: string): Email {
    const value = raw.trim().toLowerCase();
    if (value.length > 254 || !EMAIL_PATTERN.test(value)) {
      throw new ValidationFailedError({ email: ['Enter a valid email address.'] });
    }
    return new Email(value);
  }

  /** Rehydrates a value already validated when it was stored. */
  static fromStored(value: string): Email {
    return new Email(value);
  }
}

import { ValidationFailedError } from '@fluentpro/shared';

/** Letters of any alphabet (with their combining marks) and single spaces. */
const NAME_PATTERN = /^[\p{L}\p{M}]+( [\p{L}\p{M}]+)*$/u;

export class FullName {
  private constructor(readonly value: string) {}

  static create(raw: string): FullName {
    const value = raw.trim().replace(/\s+/g, ' ');
    const length = [...value].length;
    const messages: string[] = [];
    if (length < 2 || length > 50) messages.push('Full name must be between 2 and 50 characters.');
    if (!NAME_PATTERN.test(value)) messages.push('Full name can only contain letters and spaces.');
    if (messages.length > 0) throw new ValidationFailedError({ full_name: messages });
    return new FullName(value);
  }

  static fromStored(value: string): FullName {
    return new FullName(value);
  }
}

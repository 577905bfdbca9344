import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { ValidationFailedError } from '../../domain/domain-error';

/** Separates several messages carried in one class-validator constraint message. */
export const MESSAGE_SEPARATOR = '\u001f';

export const REQUIRED_MESSAGE = 'This field is required.';
export const NOT_A_STRING_MESSAGE = 'Not a valid string.';

interface FieldRule {
  /** Omit the field without complaint (PATCH bodies). */
  optional?: boolean;
  /** A value-object factory: its ValidationFailedError messages become this field's messages. */
  satisfies?: (value: string) => unknown;
}

function messagesFor(value: unknown, rule: FieldRule): string[] {
  if (value === undefined || value === null || value === '')
    return rule.optional && value === undefined ? [] : [REQUIRED_MESSAGE];
  if (typeof value !== 'string') return [NOT_A_STRING_MESSAGE];
  if (!rule.satisfies) return [];
  try {
    rule.satisfies(value);
    return [];
  } catch (error) {
    if (error instanceof ValidationFailedError) return Object.values(error.details).flat();
    throw error;
  }
}

/**
 * One string field of a request body: required (unless optional), a string, and, when given, valid
 * for the domain's value object, so the HTTP layer reports every rule the domain enforces, for every
 * field at once, in the words of the domain.
 */
export function StringField(rule: FieldRule = {}, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'stringField',
      target: target.constructor,
      propertyName: propertyName as string,
      options,
      validator: {
        validate: (value: unknown) => messagesFor(value, rule).length === 0,
        defaultMessage: (args: ValidationArguments) => messagesFor(args.value, rule).join(MESSAGE_SEPARATOR),
      },
    });
  };
}

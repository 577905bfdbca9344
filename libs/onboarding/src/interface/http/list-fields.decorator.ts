import { registerDecorator, ValidationArguments } from 'class-validator';
import { MESSAGE_SEPARATOR, REQUIRED_MESSAGE } from '@fluentpro/shared';

interface ListRule {
  optional?: boolean;
  min?: number;
  max?: number;
  /** Items must be distinct (exact match). */
  unique?: boolean;
}

function listMessages(value: unknown, rule: ListRule): string[] {
  if (value === undefined || value === null)
    return rule.optional && value === undefined ? [] : [REQUIRED_MESSAGE];
  if (!Array.isArray(value)) return ['Must be a list of strings.'];
  const messages: string[] = [];
  if (!value.every((item) => typeof item === 'string' && item.trim() !== ''))
    messages.push('Every item must be a non-empty string.');
  if (rule.min !== undefined && value.length < rule.min)
    messages.push(`Must contain at least ${rule.min} item${rule.min === 1 ? '' : 's'}.`);
  if (rule.max !== undefined && value.length > rule.max)
    messages.push(`Must contain at most ${rule.max} items.`);
  if (rule.unique && new Set(value).size !== value.length) messages.push('Items must be unique.');
  return messages;
}

/** A list of non-empty strings with size and uniqueness rules, reported in the contract's words. */
export function StringListField(rule: ListRule = {}): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'stringListField',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => listMessages(value, rule).length === 0,
        defaultMessage: (args: ValidationArguments) => listMessages(args.value, rule).join(MESSAGE_SEPARATOR),
      },
    });
  };
}

function integerMessages(value: unknown, min: number, max: number): string[] {
  if (value === undefined || value === null) return [REQUIRED_MESSAGE];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max)
    return [`Must be a whole number between ${min} and ${max}.`];
  return [];
}

/** A required whole number in [min, max]. */
export function IntegerField(min: number, max: number): PropertyDecorator {
  return (target: object, propertyName: string | symbol) => {
    registerDecorator({
      name: 'integerField',
      target: target.constructor,
      propertyName: propertyName as string,
      validator: {
        validate: (value: unknown) => integerMessages(value, min, max).length === 0,
        defaultMessage: (args: ValidationArguments) =>
          integerMessages(args.value, min, max).join(MESSAGE_SEPARATOR),
      },
    });
  };
}

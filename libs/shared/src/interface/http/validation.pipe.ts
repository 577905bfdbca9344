import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ValidationFailedError } from '../../domain/domain-error';
import { MESSAGE_SEPARATOR } from './validated-field.decorator';

function collect(errors: ValidationError[], prefix: string, details: Record<string, string[]>): void {
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    const messages = Object.values(error.constraints ?? {}).flatMap((m) => m.split(MESSAGE_SEPARATOR));
    if (messages.length > 0) (details[field] ??= []).push(...messages);
    if (error.children?.length) collect(error.children, field, details);
  }
}

/** Turns class-validator failures into the contract's `details` map: every field, every message. */
export function validationErrorsToDetails(errors: ValidationError[]): Record<string, string[]> {
  const details: Record<string, string[]> = {};
  collect(errors, '', details);
  return details;
}

export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    transform: true,
    stopAtFirstError: false,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new ValidationFailedError(validationErrorsToDetails(errors)),
  });
}

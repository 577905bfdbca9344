import type { ValidationCollector } from '@fluentpro/shared';

export interface LengthLimits {
  min: number;
  max: number;
}

/** Trims and collapses runs of whitespace. */
export const normaliseText = (text: string): string => text.trim().replace(/\s+/g, ' ');

export const sameText = (a: string, b: string): boolean => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export function lengthMessage(label: string, limits: LengthLimits): string {
  return `${label} must be between ${limits.min} and ${limits.max} characters.`;
}

/** Files a message under `field` unless `value` has between min and max characters (code points). */
export function checkLength(
  errors: ValidationCollector,
  field: string,
  label: string,
  value: string,
  limits: LengthLimits,
): void {
  const length = [...value].length;
  if (length < limits.min || length > limits.max) errors.add(field, lengthMessage(label, limits));
}

export function findDuplicate(values: string[], same: (a: string, b: string) => boolean): string | undefined {
  return values.find((value, index) => values.findIndex((other) => same(other, value)) !== index);
}

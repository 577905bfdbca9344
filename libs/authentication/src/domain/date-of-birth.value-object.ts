import { ValidationFailedError } from '@fluentpro/shared';

export const MINIMUM_AGE_YEARS = 13;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/**
 * A calendar date (YYYY-MM-DD, no time zone). The user must be at least 13 today (UTC): someone
 * born on 29 February turns 13 on 1 March in a year without that day.
 */
export class DateOfBirth {
  private constructor(
    readonly year: number,
    readonly month: number,
    readonly day: number,
  ) {}

  static create(raw: string, today: Date): DateOfBirth {
    const match = ISO_DATE.exec(raw.trim());
    const invalid = () =>
      new ValidationFailedError({ date_of_birth: ['Enter a valid date in the format YYYY-MM-DD.'] });
    if (!match) throw invalid();
    const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
    const probe = new Date(Date.UTC(year, month - 1, day));
    if (
      year < 1900 ||
      probe.getUTCFullYear() !== year ||
      probe.getUTCMonth() !== month - 1 ||
      probe.getUTCDate() !== day
    ) {
      throw invalid();
    }
    const dateOfBirth = new DateOfBirth(year, month, day);
    const todayKey = dateKey(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate());
    if (dateKey(year, month, day) > todayKey) {
      throw new ValidationFailedError({ date_of_birth: ['Date of birth cannot be in the future.'] });
    }
    if (dateOfBirth.ageOn(today) < MINIMUM_AGE_YEARS) {
      throw new ValidationFailedError({
        date_of_birth: [`You must be at least ${MINIMUM_AGE_YEARS} years old to register.`],
      });
    }
    return dateOfBirth;
  }

  static fromStored(value: string): DateOfBirth {
    const [year, month, day] = value.split('-').map(Number);
    return new DateOfBirth(year, month, day);
  }

  /** Completed years on `date` (UTC calendar). */
  ageOn(date: Date): number {
    const [year, month, day] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
    const birthdayPassed = month > this.month || (month === this.month && day >= this.day);
    return year - this.year - (birthdayPassed ? 0 : 1);
  }

  get value(): string {
    return `${String(this.year).padStart(4, '0')}-${pad(this.month)}-${pad(this.day)}`;
  }
}

const pad = (n: number) => String(n).padStart(2, '0');
const dateKey = (year: number, month: number, day: number) => year * 10_000 + month * 100 + day;

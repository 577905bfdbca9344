import { ValidationFailedError } from '@fluentpro/shared';
import { DateOfBirth } from './date-of-birth.value-object';

const at = (iso: string) => new Date(`${iso}T12:00:00Z`);
const messagesOf = (raw: string, today: Date) => {
  try {
    DateOfBirth.create(raw, today);
    return [];
  } catch (error) {
    return (error as ValidationFailedError).details.date_of_birth;
  }
};

describe('DateOfBirth', () => {
  it('accepts a user whose 13th birthday is today', () => {
    expect(DateOfBirth.create('2013-11-25', at('2026-11-25')).value).toBe('2013-11-25');
  });

  it('refuses a user whose 13th birthday is tomorrow', () => {
    expect(messagesOf('2013-11-26', at('2026-11-25'))).toEqual([
      'You must be at least 13 years old to register.',
    ]);
  });

  it('lets someone born on 29 February turn 13 on 1 March of a common year', () => {
    expect(messagesOf('2012-02-29', at('2025-02-28'))).toEqual([
      'You must be at least 13 years old to register.',
    ]);
    expect(DateOfBirth.create('2012-02-29', at('2025-03-01')).value).toBe('2012-02-29');
    expect(DateOfBirth.create('2012-02-29', at('2025-03-01')).ageOn(at('2025-03-01'))).toBe(13);
  });

  it('accepts 29 February only in leap years', () => {
    expect(DateOfBirth.create('2000-02-29', at('2026-01-01')).value).toBe('2000-02-29');
    expect(messagesOf('1900-02-29', at('2026-01-01'))).toEqual([
      'Enter a valid date in the format YYYY-MM-DD.',
    ]);
    expect(messagesOf('2001-02-29', at('2026-01-01'))).toEqual([
      'Enter a valid date in the format YYYY-MM-DD.',
    ]);
  });

  it.each([
    '1990-13-01',
    '1990-00-10',
    '1990-04-31',
    '90-01-01',
    '1990/01/01',
    '1990-1-1',
    '',
    'yesterday',
    '1899-12-31',
  ])('refuses %p as not a real calendar date', (raw) => {
    expect(messagesOf(raw, at('2026-11-25'))).toEqual(['Enter a valid date in the format YYYY-MM-DD.']);
  });

  it('refuses a date in the future', () => {
    expect(messagesOf('2026-11-26', at('2026-11-25'))).toEqual(['Date of birth cannot be in the future.']);
  });

  it('judges "today" in UTC', () => {
    // 23:30 UTC on the 24th is the 25th in Hong Kong; the rule uses the UTC calendar day.
    expect(messagesOf('2013-11-25', new Date('2026-11-24T23:30:00Z'))).toEqual([
      'You must be at least 13 years old to register.',
    ]);
  });
});

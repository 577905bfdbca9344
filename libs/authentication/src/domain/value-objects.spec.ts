import { ValidationFailedError } from '@fluentpro/shared';
import { Email } from './email.value-object';
import { FullName } from './full-name.value-object';
import { Password } from './password.value-object';

function failures(factory: () => unknown): string[] {
  try {
    factory();
    return [];
  } catch (error) {
    return Object.values((error as ValidationFailedError).details).flat();
  }
}

describe('Email', () => {
  it('is stored in lower case so that comparisons ignore case', () => {
    expect(Email.create('  John.Doe@Example.COM ').value).toBe('john.doe@example.com');
  });

  it.each([
    'plainaddress',
    '@example.com',
    'john@',
    'john@example',
    'john doe@example.com',
    'john@exa mple.com',
    'a@b..com',
  ])('refuses %p', (raw) =>
    expect(failures(() => Email.create(raw))).toEqual(['Enter a valid email address.']),
  );

  it('refuses addresses longer than 254 characters', () => {
    expect(failures(() => Email.create(`${'a'.repeat(250)}@example.com`))).toEqual([
      'Enter a valid email address.',
    ]);
  });
});

describe('FullName', () => {
  it.each(['Jo', 'John Doe', 'Zoë Ångström', '陳大文', 'Александр Пушкин', 'a'.repeat(50)])(
    'accepts %p',
    (raw) => {
      expect(FullName.create(raw).value).toBe(raw);
    },
  );

  it('trims and folds inner whitespace', () => {
    expect(FullName.create('  John   Doe ').value).toBe('John Doe');
  });

  it('enforces 2 to 50 characters, counting characters not bytes', () => {
    expect(failures(() => FullName.create('J'))).toEqual(['Full name must be between 2 and 50 characters.']);
    expect(failures(() => FullName.create('a'.repeat(51)))).toEqual([
      'Full name must be between 2 and 50 characters.',
    ]);
    expect(FullName.create('陳'.repeat(50)).value).toHaveLength(50);
  });

  it.each(['John3', 'John-Doe', "O'Brien", 'John_Doe', 'John.', '🙂🙂'])(
    'refuses %p (letters and spaces only)',
    (raw) => {
      expect(failures(() => FullName.create(raw))).toContain(
        'Full name can only contain letters and spaces.',
      );
    },
  );
});

describe('Password', () => {
  it('accepts a password meeting every rule', () => {
    expect(() => Password.create('Abcdef1!')).not.toThrow();
  });

  it('lists every broken rule at once', () => {
    expect(failures(() => Password.create('abc'))).toEqual([
      'Password must be at least 8 characters long',
      'Password must contain at least one uppercase letter',
      'Password must contain at least one digit',
      'Password must contain at least one special character',
    ]);
    expect(failures(() => Password.create('ABCDEFGH'))).toEqual([
      'Password must contain at least one lowercase letter',
      'Password must contain at least one digit',
      'Password must contain at least one special character',
    ]);
  });

  it('allows 128 characters and refuses 129', () => {
    const base = 'Aa1!';
    expect(() => Password.create(base + 'x'.repeat(124))).not.toThrow();
    expect(failures(() => Password.create(base + 'x'.repeat(125)))).toEqual([
      'Password must be at most 128 characters long',
    ]);
  });

  it('never shows its value when serialised', () => {
    expect(JSON.stringify({ password: Password.create('Abcdef1!') })).toBe('{"password":"[redacted]"}');
  });
});

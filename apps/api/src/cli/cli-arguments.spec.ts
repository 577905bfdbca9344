import { parseCliArguments, UsageError } from './cli-arguments';

describe('parseCliArguments', () => {
  it('reads create-admin with every flag', () => {
    expect(
      parseCliArguments([
        'create-admin',
        '--email',
        'ada@example.com',
        '--full-name',
        'Ada Lovelace',
        '--date-of-birth=1990-12-10',
      ]),
    ).toEqual({
      name: 'create-admin',
      email: 'ada@example.com',
      fullName: 'Ada Lovelace',
      dateOfBirth: '1990-12-10',
    });
  });

  it('reads promote and demote', () => {
    expect(parseCliArguments(['promote', '--email', 'a@example.com'])).toEqual({
      name: 'promote',
      email: 'a@example.com',
    });
    expect(parseCliArguments(['demote', '--email=a@example.com'])).toEqual({
      name: 'demote',
      email: 'a@example.com',
    });
  });

  it('shows help without a command', () => {
    expect(parseCliArguments([])).toEqual({ name: 'help' });
  });

  it.each([
    [['create-admin', '--email', 'a@example.com'], '--full-name is required'],
    [['promote'], '--email is required'],
    [['promote', '--email', 'a@example.com', '--full-name', 'X'], '--full-name does not apply to promote'],
    [['promote', '--password', 'secret'], "Unknown option '--password'"],
    [['explode'], 'unknown command "explode"'],
  ])('refuses %j: %s', (argv, message) => {
    expect(() => parseCliArguments(argv)).toThrow(UsageError);
    expect(() => parseCliArguments(argv)).toThrow(message);
  });
});

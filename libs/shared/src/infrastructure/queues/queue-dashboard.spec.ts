import { basicCredentialsMatch } from './queue-dashboard';

const header = (credentials: string) => `Basic ${Buffer.from(credentials).toString('base64')}`;

describe('basicCredentialsMatch', () => {
  it('accepts exactly the configured user and password (which may contain colons)', () => {
    expect(basicCredentialsMatch(header('ops:s3cret:with:colons'), 'ops', 's3cret:with:colons')).toBe(true);
  });

  it.each([
    ['no header', undefined],
    ['another scheme', 'Bearer abc'],
    ['wrong password', header('ops:nope')],
    ['wrong user', header('root:s3cret')],
    ['no colon', header('ops')],
    ['garbage', 'Basic !!!'],
  ])('refuses %s', (_, value) => {
    expect(basicCredentialsMatch(value, 'ops', 's3cret')).toBe(false);
  });
});

import { parseArgs } from 'node:util';

export type CliCommand =
  | { name: 'create-admin'; email: string; fullName: string; dateOfBirth: string }
  | { name: 'promote'; email: string }
  | { name: 'demote'; email: string }
  | { name: 'help' };

export const USAGE = `Usage: npm run cli -- <command> [options]

Commands:
  create-admin --email <email> --full-name <name> --date-of-birth <YYYY-MM-DD>
      Create an account with the admin role. The password is asked for twice (hidden) on a
      terminal, or read from the first line of standard input:
        printf '%s\\n' "$ADMIN_PASSWORD" | npm run cli -- create-admin --email ...
  promote --email <email>   Give an existing account the admin role.
  demote --email <email>    Take the admin role away (the account stays a user).
  help                      Show this text.

The database is the API's: DATABASE_URL (PostgreSQL) or SQLITE_PATH; migrations run first
unless DATABASE_MIGRATE_ON_START=false. Every command is written to the admin audit log.`;

export class UsageError extends Error {}

/** Turns argv (after `node cli.js`) into a command; throws UsageError with a one-line reason. */
export function parseCliArguments(argv: string[]): CliCommand {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') return { name: 'help' };
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: {
        email: { type: 'string' },
        'full-name': { type: 'string' },
        'date-of-birth': { type: 'string' },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const required = (option: string): string => {
    const value = values[option];
    if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${option} is required`);
    return value;
  };
  const allowOnly = (...options: string[]) => {
    const extra = Object.keys(values).find((option) => !options.includes(option));
    if (extra) throw new UsageError(`--${extra} does not apply to ${name}`);
  };
  switch (name) {
    case 'create-admin':
      return {
        name,
        email: required('email'),
        fullName: required('full-name'),
        dateOfBirth: required('date-of-birth'),
      };
    case 'promote':
    case 'demote':
      allowOnly('email');
      return { name, email: required('email') };
    default:
      throw new UsageError(`unknown command "${name}"`);
  }
}

import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ChangeAdminRoleHandler, CLI_REQUEST, CreateAdminHandler } from '@fluentpro/administration';
import { AppConfig, ConfigError, DomainError, ValidationFailedError } from '@fluentpro/shared';
import { CliCommand, parseCliArguments, USAGE, UsageError } from './cli/cli-arguments';
import { CliModule } from './cli/cli.module';
import { readPassword } from './cli/read-password';

/** Exit codes: 0 done, 1 refused or failed (message on stderr), 2 bad usage. */
async function run(command: Exclude<CliCommand, { name: 'help' }>, config: AppConfig): Promise<string> {
  // Ask before booting, so the prompt is not interleaved with migration output.
  const password = command.name === 'create-admin' ? await readPassword() : '';
  const app = await NestFactory.createApplicationContext(CliModule.forRoot(config), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  try {
    if (command.name === 'create-admin') {
      const user = await app.get(CreateAdminHandler).execute(CLI_REQUEST, {
        email: command.email,
        fullName: command.fullName,
        dateOfBirth: command.dateOfBirth,
        password,
      });
      return `Created admin ${user.email} (id ${user.id})`;
    }
    const grant = command.name === 'promote';
    const { user, changed } = await app
      .get(ChangeAdminRoleHandler)
      .execute(CLI_REQUEST, command.email, grant);
    if (!changed) return `${user.email} already has the ${user.role} role`;
    return grant ? `${user.email} is now an admin` : `${user.email} is no longer an admin`;
  } finally {
    await app.close();
  }
}

/**
 * The API's configuration, with this process's outbox relay off: a short-lived command must not
 * claim and deliver events of the API (it has none of their handlers); the API relays its rows.
 */
function loadCliConfig(): AppConfig {
  try {
    return AppConfig.fromEnvironment({ OUTBOX_RELAY_ENABLED: 'false' });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    process.exit(1);
  }
}

function describe(error: unknown): string {
  if (error instanceof ValidationFailedError) {
    return Object.entries(error.details)
      .map(([field, messages]) => `${field}: ${messages.join('; ')}`)
      .join('\n');
  }
  if (error instanceof DomainError) return error.message;
  return `Unexpected error: ${error instanceof Error ? error.message : String(error)}`;
}

async function main(): Promise<number> {
  let command: CliCommand;
  try {
    command = parseCliArguments(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n\n${USAGE}`);
    return 2;
  }
  if (command.name === 'help') {
    console.log(USAGE);
    return 0;
  }
  const config = loadCliConfig();
  try {
    console.log(await run(command, config));
    return 0;
  } catch (error) {
    console.error(describe(error));
    return 1;
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describe(error));
    process.exit(1);
  },
);

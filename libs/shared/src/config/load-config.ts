import { AppConfig, ConfigError } from './app-config';

/**
 * The configuration of a process entry point (API, worker, migration command): on a bad value the
 * problems are printed, one per line, and the process exits with code 1.
 */
export function loadConfigOrExit(): AppConfig {
  try {
    return AppConfig.fromEnvironment();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

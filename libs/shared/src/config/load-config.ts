import { AppConfig, ConfigError } from './app-config';

/** For an app's main.ts: the validated configuration, or exit code 1 with every problem listed. */
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

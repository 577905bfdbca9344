import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import { AppConfig } from '../../config/app-config';
import { traceLogMixin } from './tracing';

export type ServiceName = 'api' | 'worker' | 'migrate';

/**
 * Paths pino replaces with "[Redacted]" wherever they occur in a log object: credentials in request
 * bodies or error contexts, tokens, keys, and the headers that carry them.
 */
export const REDACTED_PATHS = [
  'password',
  'current_password',
  'new_password',
  'access_token',
  'refresh_token',
  'token',
  'secret',
  'authorization',
  'cookie',
  'privateKey',
  'JWT_PRIVATE_KEY',
  'METRICS_TOKEN',
  '*.password',
  '*.current_password',
  '*.new_password',
  '*.access_token',
  '*.refresh_token',
  '*.token',
  '*.secret',
  '*.authorization',
  '*.cookie',
  '*.privateKey',
  '*.*.password',
  '*.*.access_token',
  '*.*.refresh_token',
  '*.*.token',
  '*.*.authorization',
  '*.*.cookie',
  'headers["set-cookie"]',
  '*.headers["set-cookie"]',
  '*.headers["x-api-key"]',
];

export interface LoggerSetup {
  /** Where to write instead of stdout (tests capture lines this way). */
  destination?: DestinationStream;
}

/** The base options of every FluentPro logger: JSON, ISO time, level names, `service` on each line, redaction. */
export function loggerOptions(config: AppConfig, service: ServiceName): LoggerOptions {
  const mixin = traceLogMixin();
  return {
    level: config.env.LOG_LEVEL,
    base: { service },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    ...(mixin ? { mixin } : {}),
  };
}

function prettyTransportAvailable(): boolean {
  try {
    require.resolve('pino-pretty');
    return true;
  } catch {
    return false;
  }
}

/**
 * The process's root logger. JSON lines on stdout through an asynchronous writer, except in
 * development on a terminal, where pino-pretty (a development dependency) formats them when installed.
 */
export function createLogger(config: AppConfig, service: ServiceName, setup: LoggerSetup = {}): Logger {
  const options = loggerOptions(config, service);
  if (setup.destination) return pino(options, setup.destination);
  if (config.env.NODE_ENV === 'development' && process.stdout.isTTY && prettyTransportAvailable()) {
    return pino({
      ...options,
      transport: {
        target: 'pino-pretty',
        options: { translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service' },
      },
    });
  }
  return pino(options, pino.destination({ dest: 1, sync: false }));
}

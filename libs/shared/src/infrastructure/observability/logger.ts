import pino, { DestinationStream, Logger, LoggerOptions } from 'pino';
import { AppConfig } from '../../config/app-config';
import { RequestContext } from '../../application/request-context';
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
  '*.headers.authorization',
  '*.headers.cookie',
  '*.headers["set-cookie"]',
];

export interface LoggerSetup {
  /** Where to write instead of stdout (tests capture lines this way). */
  destination?: DestinationStream;
}

/** `request_id` of the request being served (and the trace ids when tracing is on) on every line. */
function contextMixin(): () => Record<string, string> {
  const none: Record<string, string> = {};
  const trace = traceLogMixin();
  if (!trace) {
    return () => {
      const requestId = RequestContext.correlationId() ?? undefined;
      return requestId === undefined ? none : { request_id: requestId };
    };
  }
  return () => {
    const requestId = RequestContext.correlationId() ?? undefined;
    return requestId === undefined ? trace() : { request_id: requestId, ...trace() };
  };
}

/**
 * The base options of every FluentPro logger: JSON, ISO time, level names, `service` and the
 * request's `request_id` on each line, secrets redacted. Redaction is kept to plain and one-level
 * wildcard paths: deeper wildcards cost tens of microseconds per line.
 */
export function loggerOptions(config: AppConfig, service: ServiceName): LoggerOptions {
  return {
    level: config.env.LOG_LEVEL,
    base: { service },
    messageKey: 'msg',
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[Redacted]' },
    mixin: contextMixin(),
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

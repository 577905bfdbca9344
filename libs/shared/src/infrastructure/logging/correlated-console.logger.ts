import { ConsoleLogger, LogLevel } from '@nestjs/common';
import type { AppConfig } from '../../config/app-config';
import { RequestContext } from '../../application/request-context';

const LEVELS: Record<string, LogLevel[]> = {
  fatal: ['fatal'],
  error: ['fatal', 'error'],
  warn: ['fatal', 'error', 'warn'],
  info: ['fatal', 'error', 'warn', 'log'],
  debug: ['fatal', 'error', 'warn', 'log', 'debug'],
  trace: ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'],
};

/** Nest's console logger with the current correlation id on every line (`[cid=…]`). */
export class CorrelatedConsoleLogger extends ConsoleLogger {
  protected override formatContext(context: string): string {
    const correlationId = RequestContext.correlationId();
    const formatted = super.formatContext(context);
    return correlationId ? `${formatted}[cid=${correlationId}] ` : formatted;
  }

  protected override getJsonLogObject(
    message: unknown,
    options: {
      context: string;
      logLevel: LogLevel;
      writeStreamType?: 'stdout' | 'stderr';
      errorStack?: unknown;
    },
  ): ReturnType<ConsoleLogger['getJsonLogObject']> & { correlationId?: string } {
    const correlationId = RequestContext.correlationId();
    const object = super.getJsonLogObject(message, options);
    return correlationId ? { ...object, correlationId } : object;
  }
}

/** The logger of an app (API or worker) for LOG_LEVEL; `false` silences Nest entirely. */
export function createAppLogger(config: AppConfig, name: string): CorrelatedConsoleLogger | false {
  if (config.env.LOG_LEVEL === 'silent') return false;
  return new CorrelatedConsoleLogger({ prefix: name, logLevels: LEVELS[config.env.LOG_LEVEL] });
}

import { ConsoleLogger, type LogLevel } from '@nestjs/common';
import { maskPersonalData } from './mask-personal-data';

/**
 * Nest's console logger with every line and stack trace passed through `maskPersonalData`, so that a phone or ID
 * number inside an error message (a library's, a driver's) is masked before it reaches the log. A safety net only:
 * intake's own log lines never carry the reporter or a request body.
 */
export class MaskingLogger extends ConsoleLogger {
  constructor(logLevels: LogLevel[]) {
    super({ logLevels });
  }

  protected override formatMessage(
    logLevel: LogLevel,
    message: unknown,
    pidMessage: string,
    formattedLogLevel: string,
    contextMessage: string,
    timestampDiff: string,
  ): string {
    const line = super.formatMessage(logLevel, message, pidMessage, formattedLogLevel, contextMessage, timestampDiff);
    return maskPersonalData(line);
  }

  protected override printStackTrace(stack: string): void {
    super.printStackTrace(typeof stack === 'string' ? maskPersonalData(stack) : stack);
  }

  protected override getJsonLogObject(
    message: unknown,
    options: { context: string; logLevel: LogLevel; writeStreamType?: 'stdout' | 'stderr'; errorStack?: unknown },
  ) {
    const masked = (value: unknown): unknown => (typeof value === 'string' ? maskPersonalData(value) : value);
    return super.getJsonLogObject(masked(message), { ...options, errorStack: masked(options.errorStack) });
  }
}

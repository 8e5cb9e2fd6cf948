import { LoggerService, LogLevel } from '@nestjs/common';
import { currentLogContext } from './log-context';
import { redactValue } from './redact';

const LEVELS: Record<string, number> = {
  fatal: 60,
  error: 50,
  warn: 40,
  log: 30,
  info: 30,
  debug: 20,
  verbose: 10,
};

/**
 * One JSON object per line on stdout: time, level, service, message, the correlation context, and any extra
 * fields. Every string passes through PII redaction, so a careless log call cannot leak a phone number.
 */
export class JsonLogger implements LoggerService {
  private readonly threshold: number;

  constructor(
    private readonly service: string,
    level: string = process.env['LOG_LEVEL'] ?? 'info',
  ) {
    this.threshold = LEVELS[level] ?? LEVELS['info'];
  }

  log(message: unknown, ...rest: unknown[]): void {
    this.write('info', message, rest);
  }
  error(message: unknown, ...rest: unknown[]): void {
    this.write('error', message, rest);
  }
  warn(message: unknown, ...rest: unknown[]): void {
    this.write('warn', message, rest);
  }
  debug(message: unknown, ...rest: unknown[]): void {
    this.write('debug', message, rest);
  }
  verbose(message: unknown, ...rest: unknown[]): void {
    this.write('verbose', message, rest);
  }
  fatal(message: unknown, ...rest: unknown[]): void {
    this.write('fatal', message, rest);
  }
  setLogLevels?(_levels: LogLevel[]): void {}

  /** Structured logging for our own code: a message plus named fields. */
  info(message: string, fields: Record<string, unknown> = {}): void {
    this.emit('info', message, fields);
  }

  private write(level: string, message: unknown, rest: unknown[]): void {
    // Nest passes the context name as the last string argument, and a stack trace before it for errors.
    const context = typeof rest[rest.length - 1] === 'string' ? (rest.pop() as string) : undefined;
    const fields: Record<string, unknown> = context ? { context } : {};
    for (const extra of rest) {
      if (typeof extra === 'string') fields['stack'] = extra;
      else if (extra && typeof extra === 'object') Object.assign(fields, extra);
    }
    if (message instanceof Error) {
      this.emit(level, message.message, { ...fields, error: message.name, stack: message.stack });
    } else if (typeof message === 'object' && message !== null) {
      const { msg, ...others } = message as Record<string, unknown>;
      this.emit(level, typeof msg === 'string' ? msg : '', { ...fields, ...others });
    } else {
      this.emit(level, String(message), fields);
    }
  }

  private emit(level: string, message: string, fields: Record<string, unknown>): void {
    if ((LEVELS[level] ?? 30) < this.threshold) return;
    const line = {
      time: new Date().toISOString(),
      level,
      service: this.service,
      msg: message,
      ...currentLogContext(),
      ...fields,
    };
    process.stdout.write(`${JSON.stringify(redactValue(line))}\n`);
  }
}

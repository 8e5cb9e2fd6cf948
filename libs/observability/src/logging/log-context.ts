import { AsyncLocalStorage } from 'node:async_hooks';

/** What every log line inside a request or a message handler carries. */
export interface LogContext {
  correlationid?: string;
  causationid?: string;
  subject?: string;
  eventType?: string;
  eventId?: string;
}

const storage = new AsyncLocalStorage<LogContext>();

export function runWithLogContext<T>(context: LogContext, fn: () => T): T {
  return storage.run({ ...storage.getStore(), ...context }, fn);
}

export function currentLogContext(): LogContext {
  return storage.getStore() ?? {};
}

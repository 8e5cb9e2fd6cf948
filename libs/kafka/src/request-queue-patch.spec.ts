/**
 * kafkajs 2.2.4's request queue is patched at install (patches/kafkajs+2.2.4.patch): this fails when the patch was
 * not applied, for example after an install that skipped the postinstall step or an upgrade of kafkajs.
 */
// The queue is internal to kafkajs and has no type declarations: the shape used here is all this test needs.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const RequestQueue = require('kafkajs/src/network/requestQueue') as new (options: {
  maxInFlightRequests: number | null;
  requestTimeout: number;
  enforceRequestTimeout: boolean;
  clientId: string;
  broker: string;
  logger: Record<'debug' | 'info' | 'warn' | 'error', () => void>;
}) => {
  throttledUntil: number;
  throttleCheckTimeoutId: NodeJS.Timeout | null;
  pending: unknown[];
  checkPendingRequests(): void;
  destroy(): void;
};

const quiet = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
};

function queue() {
  return new RequestQueue({
    maxInFlightRequests: null,
    requestTimeout: 30000,
    enforceRequestTimeout: true,
    clientId: 'test',
    broker: '127.0.0.1:9092',
    logger: quiet,
  });
}

describe('the patched kafkajs request queue', () => {
  it('schedules no check when nothing waits and nothing is throttled (no endless 1 ms timer loop)', () => {
    const q = queue();
    try {
      q.checkPendingRequests();
      expect(q.throttleCheckTimeoutId).toBeNull();
    } finally {
      q.destroy();
    }
  });

  it('still schedules a check for the end of a throttle', () => {
    const q = queue();
    try {
      q.throttledUntil = Date.now() + 60_000;
      q.checkPendingRequests();
      expect(q.throttleCheckTimeoutId).not.toBeNull();
    } finally {
      q.destroy();
    }
  });
});

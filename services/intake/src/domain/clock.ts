/** Time as a port: domain and application code never call `new Date()`, so tests move a fake clock. */
export interface Clock {
  now(): Date;
}

export const CLOCK = Symbol('Clock');

export const systemClock: Clock = { now: () => new Date() };

/**
 * A message that can never be processed, whatever the retries: bad JSON, a broken envelope, an unknown type or
 * version, or data that breaks its contract. Consumers send it to their dead-letter topic with `reason`.
 */
export class PoisonMessageError extends Error {
  constructor(
    readonly reason:
      'malformed-json' | 'invalid-envelope' | 'unknown-type' | 'unsupported-version' | 'invalid-data',
    readonly details: string[],
  ) {
    super(`${reason}: ${details.join('; ')}`);
    this.name = 'PoisonMessageError';
  }
}

/** A producer tried to emit data that breaks its own contract: a bug in the producer, never sent. */
export class ContractViolationError extends Error {
  constructor(
    readonly type: string,
    readonly details: string[],
  ) {
    super(`${type} violates its contract: ${details.join('; ')}`);
    this.name = 'ContractViolationError';
  }
}

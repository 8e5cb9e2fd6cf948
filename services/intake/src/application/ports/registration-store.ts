import { Complaint } from '../../domain/complaint';
import { EncryptedValue } from './pii-protection';

/** What a channel gets back for a registered complaint; replayed as-is for a repeated Idempotency-Key. */
export interface RegistrationResponse {
  id: string;
  reference: string;
  status: string;
  receivedAt: string;
}

/** The facts that travel on complaint.received besides the complaint itself. */
export interface ReceivedEventExtras {
  customerHash: string;
  contact: EncryptedValue;
  correlationId: string;
  causationId: string;
}

/** Everything a registration writes, built before it is stored: the store decides only whether it may. */
export interface NewRegistration {
  idempotencyScope: string;
  idempotencyKey: string;
  requestHash: string;
  complaint: Complaint;
  customerHash: string;
  /** Who filed it, for the audit trail. */
  actor: string;
  received: ReceivedEventExtras;
  response: RegistrationResponse;
}

/** Recorded, or the key was claimed before: then the earlier request's hash and response. */
export type RegistrationOutcome =
  { recorded: true } | { recorded: false; requestHash: string; response: RegistrationResponse };

export interface RegistrationStore {
  /**
   * In one transaction: claims the Idempotency-Key and, if it was free, records the complaint, its first audit
   * entry, its complaint.received event and the key's response; otherwise writes nothing. Throws
   * DuplicateExternalRefError when the channel already filed this externalRef.
   */
  register(registration: NewRegistration): Promise<RegistrationOutcome>;
}

/** Reference sequence numbers: unique, increasing per replica, not gapless. */
export interface ReferenceNumbers {
  next(): Promise<number>;
}

export const REFERENCE_NUMBERS = Symbol('ReferenceNumbers');
export const REGISTRATION_STORE = Symbol('RegistrationStore');

export class DuplicateExternalRefError extends Error {
  constructor(
    readonly channel: string,
    readonly externalRef: string,
  ) {
    super(`channel ${channel} already filed a complaint with externalRef ${externalRef}`);
    this.name = 'DuplicateExternalRefError';
  }
}

export class IdempotencyKeyReusedError extends Error {
  constructor(readonly key: string) {
    super(`Idempotency-Key ${key} was already used with a different request body`);
    this.name = 'IdempotencyKeyReusedError';
  }
}

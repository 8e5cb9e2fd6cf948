import { Complaint } from '../../domain/complaint';
import { EncryptedValue } from './pii-protection';

/** What a channel gets back for a registered complaint; replayed as-is for a repeated Idempotency-Key. */
export interface RegistrationResponse {
  id: string;
  reference: string;
  status: string;
  receivedAt: string;
}

export type KeyClaim =
  { claimed: true } | { claimed: false; requestHash: string; response: RegistrationResponse };

/** The facts that travel on complaint.received besides the complaint itself. */
export interface ReceivedEventExtras {
  customerHash: string;
  contact: EncryptedValue;
  correlationId: string;
  causationId: string;
}

/** One database transaction of a registration: everything in it commits together or not at all. */
export interface RegistrationTransaction {
  claimIdempotencyKey(scope: string, key: string, requestHash: string): Promise<KeyClaim>;
  nextReferenceNumber(): Promise<number>;
  /** Throws DuplicateExternalRefError when the channel already filed this externalRef. */
  insertComplaint(complaint: Complaint, customerHash: string): Promise<void>;
  recordTransition(complaint: Complaint, actor: string, reason: string): Promise<void>;
  publishReceived(complaint: Complaint, extras: ReceivedEventExtras): Promise<void>;
  saveResponse(scope: string, key: string, response: RegistrationResponse): Promise<void>;
}

export interface RegistrationStore {
  inTransaction<T>(work: (tx: RegistrationTransaction) => Promise<T>): Promise<T>;
}

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

import { EntityManager } from 'typeorm';
import { NotificationFailedV1, NotificationSentV1 } from '@complaints/contracts';
import { Delivery, DeliveryStatus } from '../../domain/delivery';
import { Urgency } from '../../domain/quiet-hours';
import { SealedContact } from './contact-vault';

/** A delivery as recorded with its triggering event. */
export interface NewDelivery extends Omit<Delivery, 'attempts' | 'channel'> {
  /** `none` for a suppressed delivery: nobody was contacted. */
  channel: Delivery['channel'] | 'none';
  status: Extract<DeliveryStatus, 'pending' | 'failed' | 'suppressed'>;
  dueAt: Date;
  /** Why a failed or suppressed row was never sent. */
  error?: string;
}

/** A delivery the worker has leased, with what it needs to send it. */
export interface ClaimedDelivery extends Delivery {
  /** The lease this claim holds: settling checks it, so a worker that lost its lease writes nothing. */
  leaseUntil: Date;
  template: { subject?: string; body: string } | null;
  /** From the complaint projection: the customer's sealed contact, the urgency and the reference. */
  sealedContact: SealedContact | null;
  urgency: Urgency | null;
  knownReference: string | null;
  /** Staff recipients: the directory entry as it is now (null when it was removed). */
  staff: { address: string; secretRef?: string; enabled: boolean } | null;
}

/** The follow-up event of a settled delivery, written to the outbox in the same transaction. */
export type OutcomeEvent =
  | { type: 'notification.sent'; data: NotificationSentV1 }
  | { type: 'notification.failed'; data: NotificationFailedV1 };

export interface OutcomeEnvelope {
  event: OutcomeEvent;
  subject: string;
  correlationId: string;
  causationId: string;
  time: Date;
}

interface Attempt {
  attempt: number;
  startedAt: Date;
  finishedAt: Date;
}

export type Settlement =
  | ({ kind: 'sent'; providerMessageId: string } & Attempt)
  | ({ kind: 'retry'; error: string; nextAttemptAt: Date } & Attempt)
  | ({ kind: 'failed'; error: string; permanent: boolean } & Attempt)
  | { kind: 'held'; until: Date; reason: 'quiet-hours' };

export interface AttemptView {
  attempt: number;
  startedAt: string;
  finishedAt: string;
  outcome: 'sent' | 'retry' | 'failed';
  error: string | null;
  providerMessageId: string | null;
}

export interface DeliveryView {
  id: string;
  eventId: string;
  eventType: string;
  subject: string;
  complaintId: string | null;
  audience: string;
  recipientKey: string;
  channel: string;
  language: string;
  templateId: string | null;
  templateVersion: number | null;
  recipientMasked: string;
  status: DeliveryStatus;
  holdReason: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  providerMessageId: string | null;
  error: string | null;
  permanent: boolean | null;
  createdAt: string;
  sentAt: string | null;
  failedAt: string | null;
  attemptLog: AttemptView[];
}

export interface DeliveryFilter {
  complaintId?: string;
  subject?: string;
  status?: DeliveryStatus;
  limit: number;
}

export interface DeliveryStore {
  /**
   * Records deliveries in the caller's transaction. The unique key (event, audience, recipient, channel) makes a
   * redelivered event record nothing new; returns the rows actually inserted. When any of them is pending, the
   * delivery workers are woken as the transaction commits.
   */
  record(em: EntityManager, deliveries: NewDelivery[]): Promise<NewDelivery[]>;
  /** Wakes the delivery workers when the caller's transaction commits. */
  wakeWorkers(em: EntityManager): Promise<void>;
  /** Makes a complaint's SMS held for quiet hours due now (it turned out to be urgent); returns how many. */
  releaseQuietHolds(em: EntityManager, complaintId: string, now: Date): Promise<number>;
  /** Leases up to `limit` due deliveries (FOR UPDATE SKIP LOCKED, so replicas never take the same row). */
  claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]>;
  /**
   * Records the outcome and its event in one transaction. False when the lease was lost (another worker took the
   * row after it expired), in which case nothing is written.
   */
  settle(
    delivery: ClaimedDelivery,
    settlement: Settlement,
    outcome: OutcomeEnvelope | null,
  ): Promise<boolean>;
  list(filter: DeliveryFilter): Promise<DeliveryView[]>;
}

export const DELIVERY_STORE = Symbol('DeliveryStore');

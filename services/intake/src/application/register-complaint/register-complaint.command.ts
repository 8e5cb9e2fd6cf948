import { Attachment, CustomerIdentity, CustomerProfile, Money } from '../../domain/complaint';

export interface RegisterComplaintCommand {
  idempotencyKey: string;
  /** Whose keys these are: the calling client, so two channels can never collide on a key. */
  idempotencyScope: string;
  /** Hash of the canonical request body: the same key with a different body is refused. */
  requestHash: string;
  correlationId: string;
  actor: string;
  channel: string;
  externalRef?: string;
  customer: CustomerIdentity & CustomerProfile;
  subject: string;
  description: string;
  product?: string;
  amount?: Money;
  occurredAt?: Date;
  attachments: Attachment[];
}

import { Audience, Channel, Language } from './template';

/**
 * One message to one recipient through one channel for one triggering event. The row is recorded with the event
 * (so a redelivered event finds it and sends nothing again) and sent later by the delivery worker:
 *
 *   pending --claim--> sending --ok--> sent
 *      ^                  |--transient failure, attempts left--> pending (due after backoff)
 *      |                  |--permanent failure or no attempts left--> failed
 *      +--quiet hours-----+
 *
 * `suppressed` rows record why nobody was contacted (the customer asked for no contact).
 */
export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'failed' | 'suppressed';

/** The recipient key of the customer; staff recipients use their directory id. */
export const CUSTOMER_RECIPIENT = 'customer';

export interface Delivery {
  id: string;
  eventId: string;
  eventType: string;
  /** The envelope subject: a complaint id, or risk:<dimension>:<key> for fleet-wide warnings. */
  subject: string;
  complaintId: string | null;
  correlationId: string;
  audience: Audience;
  recipientKey: string;
  channel: Channel;
  language: Language;
  templateVersion: number;
  recipientMasked: string;
  /** Raw values (no personal data) for the template, formatted at send time in the recipient's language. */
  variables: Record<string, string>;
  attempts: number;
}

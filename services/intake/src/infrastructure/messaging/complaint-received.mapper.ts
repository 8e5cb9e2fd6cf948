import {
  Channel,
  COMPLAINT_RECEIVED,
  createEnvelope,
  EnvelopeOf,
  Vulnerability,
} from '@complaints/contracts';
import { maskEmail, maskName, maskPhone, redactText } from '@complaints/observability';
import { Complaint } from '../../domain/complaint';
import { ReceivedEventExtras } from '../../application/ports/registration-store';

/**
 * complaint.received as downstream consumers see it: masked customer values, text with identifiers masked, the
 * contact details sealed for the notification service, and a keyed hash instead of the identity.
 */
export function complaintReceivedEnvelope(
  complaint: Complaint,
  extras: ReceivedEventExtras,
): EnvelopeOf<typeof COMPLAINT_RECEIVED> {
  const { customer, profile } = complaint;
  return createEnvelope({
    type: COMPLAINT_RECEIVED,
    source: 'intake',
    subject: complaint.id,
    time: complaint.receivedAt,
    correlationid: extras.correlationId,
    causationid: extras.causationId,
    data: {
      complaintId: complaint.id,
      reference: complaint.reference,
      // The request DTO already restricted these to the contract's values; createEnvelope validates them again.
      channel: complaint.channel as Channel,
      ...(complaint.externalRef ? { externalRef: complaint.externalRef } : {}),
      receivedAt: complaint.receivedAt.toISOString(),
      customer: {
        maskedName: maskName(customer.name),
        ...(customer.phone ? { maskedPhone: maskPhone(customer.phone) } : {}),
        ...(customer.email ? { maskedEmail: maskEmail(customer.email) } : {}),
        segment: profile.segment,
        vulnerable: profile.vulnerable as Vulnerability[],
        preferredLanguage: profile.preferredLanguage,
        contactPreference: profile.contactPreference,
        customerHash: extras.customerHash,
      },
      contact: extras.contact,
      subject: redactText(complaint.subject),
      description: redactText(complaint.description),
      textLanguage: complaint.textLanguage,
      ...(complaint.product ? { product: complaint.product } : {}),
      ...(complaint.amount ? { amount: complaint.amount } : {}),
      ...(complaint.occurredAt ? { occurredAt: complaint.occurredAt.toISOString() } : {}),
      attachments: complaint.attachments,
      version: complaint.version,
    },
  });
}

import { Delivery } from '../domain/delivery';
import { templateId } from '../domain/template';
import { OutcomeEnvelope } from './ports/delivery-store';

/**
 * notification.sent / notification.failed for a delivery. The contract requires a complaint id, so deliveries about
 * no single complaint (fleet-wide risk warnings) are recorded and listed by the API but publish no event.
 */
function fields(d: Delivery, attempts: number) {
  return {
    notificationId: d.id,
    complaintId: d.complaintId as string,
    triggerEventId: d.eventId,
    triggerType: d.eventType,
    audience: d.audience,
    channel: d.channel,
    templateId: templateId(d),
    templateVersion: d.templateVersion,
    language: d.language,
    recipient: d.recipientMasked,
    attempts: Math.max(1, attempts),
  };
}

export function sentEvent(d: Delivery, attempts: number, sentAt: Date): OutcomeEnvelope | null {
  if (!d.complaintId) return null;
  return {
    event: { type: 'notification.sent', data: { ...fields(d, attempts), sentAt: sentAt.toISOString() } },
    subject: d.subject,
    correlationId: d.correlationId,
    causationId: d.eventId,
    time: sentAt,
  };
}

export function failedEvent(
  d: Delivery,
  attempts: number,
  failure: { error: string; permanent: boolean },
  failedAt: Date,
): OutcomeEnvelope | null {
  if (!d.complaintId) return null;
  return {
    event: {
      type: 'notification.failed',
      data: {
        ...fields(d, attempts),
        error: failure.error.slice(0, 2000),
        permanent: failure.permanent,
        failedAt: failedAt.toISOString(),
      },
    },
    subject: d.subject,
    correlationId: d.correlationId,
    causationId: d.eventId,
    time: failedAt,
  };
}

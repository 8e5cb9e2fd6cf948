import { EnvelopeOf } from '@complaints/contracts';
import { addDays } from '../../domain/display-format';
import { NotifiableEventType } from '../../domain/template-variables';
import { NotificationTrigger } from '../../application/notification-trigger';

export type NotifiableEnvelope = EnvelopeOf<NotifiableEventType>;

/**
 * Each notifiable event reduced to its template values (raw: UTC timestamps, numbers as text). Only values that
 * may appear in a message are taken, and none is personal data: the customer's name is opened at send time.
 */
export function toTrigger(event: NotifiableEnvelope): NotificationTrigger {
  const base = {
    eventId: event.id,
    eventType: event.type,
    subject: event.subject,
    correlationId: event.correlationid,
  };
  const optional = (name: string, value: string | undefined): Record<string, string> =>
    value === undefined ? {} : { [name]: value };
  switch (event.type) {
    case 'complaint.received': {
      const d = event.data;
      return {
        ...base,
        complaintId: d.complaintId,
        variables: { complaintId: d.complaintId, reference: d.reference, receivedAt: d.receivedAt },
      };
    }
    case 'complaint.awaiting-customer': {
      const d = event.data;
      return {
        ...base,
        complaintId: d.complaintId,
        variables: {
          complaintId: d.complaintId,
          reference: d.reference,
          informationRequested: d.informationRequested,
          requestedAt: d.occurredAt,
        },
      };
    }
    case 'complaint.deadline-extended': {
      const d = event.data;
      return {
        ...base,
        complaintId: d.complaintId,
        variables: {
          complaintId: d.complaintId,
          reference: d.reference,
          newTotalDays: String(d.newTotalDays),
          newDeadline: addDays(d.receivedAt, d.newTotalDays),
          ...optional('reason', d.reason),
        },
      };
    }
    case 'complaint.resolved': {
      const d = event.data;
      return {
        ...base,
        complaintId: d.complaintId,
        variables: {
          complaintId: d.complaintId,
          reference: d.reference,
          outcome: d.outcome,
          resolutionSummary: d.resolutionSummary,
          ...optional('remedy', d.remedy),
        },
      };
    }
    case 'complaint.assigned': {
      const d = event.data;
      return {
        ...base,
        complaintId: d.complaintId,
        team: d.team,
        variables: {
          complaintId: d.complaintId,
          team: d.team,
          level: d.level,
          reason: d.reason,
          assignedAt: d.assignedAt,
        },
      };
    }
    case 'sla.warning': {
      const d = event.data;
      return {
        ...base,
        complaintId: d.complaintId,
        variables: {
          complaintId: d.complaintId,
          clockKind: d.kind,
          dueAt: d.dueAt,
          remainingMinutes: String(Math.floor(d.remainingMs / 60_000)),
          thresholdPercent: String(Math.round(d.threshold * 100)),
        },
      };
    }
    case 'sla.breached': {
      const d = event.data;
      return {
        ...base,
        complaintId: d.complaintId,
        variables: {
          complaintId: d.complaintId,
          clockKind: d.kind,
          dueAt: d.dueAt,
          breachedAt: d.breachedAt,
        },
      };
    }
    case 'complaint.escalated': {
      const d = event.data;
      return {
        ...base,
        complaintId: d.complaintId,
        team: d.team,
        variables: {
          complaintId: d.complaintId,
          ...optional('fromLevel', d.fromLevel),
          toLevel: d.toLevel,
          team: d.team,
          trigger: d.trigger,
          reason: d.reason,
          escalatedAt: d.escalatedAt,
          acknowledgeBy: d.acknowledgeBy,
        },
      };
    }
    case 'risk.warning-raised': {
      const d = event.data;
      return {
        ...base,
        complaintId: null,
        variables: {
          dimension: d.dimension,
          key: d.key,
          metric: d.metric,
          observed: String(d.observed),
          threshold: String(d.threshold),
          windowStart: d.windowStart,
          windowEnd: d.windowEnd,
          sampleSize: String(d.sampleSize),
        },
      };
    }
  }
}

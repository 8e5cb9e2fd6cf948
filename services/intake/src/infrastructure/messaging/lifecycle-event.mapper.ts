import { createEnvelope, EventEnvelope, LifecycleFields } from '@complaints/contracts';
import { redactText } from '@complaints/observability';
import { AppliedTransition } from '../../application/ports/lifecycle-store';

/**
 * The lifecycle event a transition announces. Every event carries the new and previous status, who did it and
 * the complaint's version, so consumers can act on it alone and tell a stale event from a newer one. Free text
 * typed by staff or customers is passed through PII redaction: the wire never carries a clear phone or card number.
 */
export function lifecycleEnvelope(applied: AppliedTransition): EventEnvelope {
  const { complaint, command, outcome, occurredAt } = applied;
  const fields: LifecycleFields = {
    complaintId: complaint.id,
    reference: complaint.reference,
    status: outcome.to,
    previousStatus: outcome.from,
    occurredAt: occurredAt.toISOString(),
    actor: { kind: 'staff', id: applied.actor },
    version: outcome.state.version,
  };
  const base = {
    subject: complaint.id,
    source: 'intake' as const,
    time: occurredAt,
    correlationid: applied.correlationId,
  };
  switch (command.transition) {
    case 'acknowledge':
      return createEnvelope({
        ...base,
        type: 'complaint.acknowledged',
        data: withReason(fields, command.note),
      });
    case 'request-info':
      return createEnvelope({
        ...base,
        type: 'complaint.awaiting-customer',
        data: { ...fields, informationRequested: redactText(command.informationRequested) },
      });
    case 'customer-reply':
      return createEnvelope({
        ...base,
        type: 'complaint.customer-replied',
        data: withReason(fields, command.note),
      });
    case 'resolve':
      return createEnvelope({
        ...base,
        type: 'complaint.resolved',
        data: {
          ...fields,
          outcome: command.outcome,
          resolutionSummary: redactText(command.resolutionSummary),
          ...(command.remedy ? { remedy: redactText(command.remedy) } : {}),
        },
      });
    case 'reopen':
      return createEnvelope({
        ...base,
        type: 'complaint.reopened',
        data: withReason(fields, command.reason),
      });
    case 'close':
      return createEnvelope({ ...base, type: 'complaint.closed', data: withReason(fields, command.reason) });
    case 'withdraw':
      return createEnvelope({
        ...base,
        type: 'complaint.withdrawn',
        data: withReason(fields, command.reason),
      });
    case 'extend-deadline':
      return createEnvelope({
        ...base,
        type: 'complaint.deadline-extended',
        data: {
          ...withReason(fields, command.reason),
          newTotalDays: command.newTotalDays,
          approver: { kind: 'staff', id: command.approver },
          receivedAt: complaint.receivedAt.toISOString(),
        },
      });
    case 'feedback':
      return createEnvelope({
        ...base,
        type: 'complaint.feedback-received',
        data: {
          ...withReason(fields, undefined),
          satisfaction: command.satisfaction,
          ...(command.comment ? { comment: redactText(command.comment) } : {}),
        },
      });
  }
}

function withReason(fields: LifecycleFields, reason: string | undefined): LifecycleFields {
  return reason ? { ...fields, reason: redactText(reason) } : fields;
}

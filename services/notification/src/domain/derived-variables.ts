import { addDays } from './display-format';
import { NotifiableEventType } from './template-variables';

/** Policy and projection facts some templates need besides what the event itself says. */
export interface DerivationContext {
  /** Days within which a customer gets an answer (policy data). */
  answerWithinDays: number;
  /** The satisfaction survey page; the complaint reference is added as `ref`. */
  surveyUrl: string;
  /** The complaint's owning team, when an assignment has been seen. */
  team: string | null;
}

/** The variables an event's own values do not give, added when the delivery is recorded. */
export function deriveVariables(
  eventType: NotifiableEventType,
  fromEvent: Record<string, string>,
  context: DerivationContext,
): Record<string, string> {
  const derived: Record<string, string> = {};
  if (eventType === 'complaint.received' && fromEvent['receivedAt']) {
    derived['answerWithinDays'] = String(context.answerWithinDays);
    derived['answerBy'] = addDays(fromEvent['receivedAt'], context.answerWithinDays);
  }
  if (eventType === 'complaint.resolved' && fromEvent['reference']) {
    const survey = new URL(context.surveyUrl);
    survey.searchParams.set('ref', fromEvent['reference']);
    derived['surveyLink'] = survey.toString();
  }
  if ((eventType === 'sla.warning' || eventType === 'sla.breached') && context.team) {
    derived['team'] = context.team;
  }
  return { ...derived, ...fromEvent };
}

/**
 * Staff events (assignment, clocks) do not carry the complaint reference; when the complaint's own events have not
 * been seen yet by the time a message goes out, the complaint id stands in for it.
 */
export function withReference(
  variables: Record<string, string>,
  complaintId: string | null,
  knownReference: string | null,
): Record<string, string> {
  if (variables['reference'] || !complaintId) return variables;
  return { ...variables, reference: knownReference ?? complaintId };
}

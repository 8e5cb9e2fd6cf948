import { Audience } from './template';

/**
 * The placeholders each event type can fill. It is the contract between the event mappers (which must supply
 * every variable listed here; a unit test checks it for every example event) and the template authors (a
 * template using anything else is refused when it is saved, not when a message is due).
 */
export type VariableKind = 'text' | 'number' | 'date' | 'datetime';

export interface VariableSpec {
  kind: VariableKind;
  /** Optional values render as an empty string when the event has none. */
  optional?: boolean;
  description: string;
}

export const NOTIFIABLE_EVENT_TYPES = [
  'complaint.received',
  'complaint.awaiting-customer',
  'complaint.deadline-extended',
  'complaint.resolved',
  'complaint.assigned',
  'sla.warning',
  'sla.breached',
  'complaint.escalated',
  'risk.warning-raised',
] as const;
export type NotifiableEventType = (typeof NOTIFIABLE_EVENT_TYPES)[number];

export function isNotifiableEventType(type: string): type is NotifiableEventType {
  return (NOTIFIABLE_EVENT_TYPES as readonly string[]).includes(type);
}

const text = (description: string, optional = false): VariableSpec => ({
  kind: 'text',
  description,
  optional,
});
const COMPLAINT: Record<string, VariableSpec> = {
  complaintId: text('the complaint id'),
  reference: text('the human reference, e.g. CMP-20261120-000123 (the complaint id until it is known)'),
};
const TEAM = text('the owning team, when an assignment has been seen', true);

export const TEMPLATE_VARIABLES: Record<NotifiableEventType, Record<string, VariableSpec>> = {
  'complaint.received': {
    ...COMPLAINT,
    receivedAt: { kind: 'datetime', description: 'when the complaint was received' },
    answerWithinDays: { kind: 'number', description: 'days within which the customer gets an answer' },
    answerBy: { kind: 'date', description: 'the date by which the customer gets an answer' },
  },
  'complaint.awaiting-customer': {
    ...COMPLAINT,
    informationRequested: text('what the customer is asked to supply'),
    requestedAt: { kind: 'datetime', description: 'when the information was requested' },
  },
  'complaint.deadline-extended': {
    ...COMPLAINT,
    newTotalDays: { kind: 'number', description: 'the new total decision period in days from receipt' },
    newDeadline: { kind: 'date', description: 'the new decision deadline' },
    reason: text('why the deadline was extended', true),
  },
  'complaint.resolved': {
    ...COMPLAINT,
    outcome: text('upheld, partially-upheld or rejected'),
    resolutionSummary: text('the result as the agent wrote it'),
    remedy: text('what the bank does to put it right', true),
    surveyLink: text('the satisfaction survey for this complaint'),
  },
  'complaint.assigned': {
    ...COMPLAINT,
    team: text('the owning team'),
    level: text('the starting level, L1 to L4'),
    reason: text('why the routing rule chose this team'),
    assignedAt: { kind: 'datetime', description: 'when it was assigned' },
  },
  'sla.warning': {
    ...COMPLAINT,
    clockKind: text('first-response, resolution or regulatory-decision'),
    dueAt: { kind: 'datetime', description: 'when the clock is due' },
    remainingMinutes: { kind: 'number', description: 'minutes left' },
    thresholdPercent: { kind: 'number', description: 'how much of the target has elapsed, in percent' },
    team: TEAM,
  },
  'sla.breached': {
    ...COMPLAINT,
    clockKind: text('first-response, resolution or regulatory-decision'),
    dueAt: { kind: 'datetime', description: 'when the clock was due' },
    breachedAt: { kind: 'datetime', description: 'when it breached' },
    team: TEAM,
  },
  'complaint.escalated': {
    ...COMPLAINT,
    fromLevel: text('the level it left', true),
    toLevel: text('the level it went to'),
    team: text('the receiving team'),
    trigger: text('sla-breached, not-acknowledged, reopened, high-risk-at-intake or manual'),
    reason: text('why it was escalated'),
    escalatedAt: { kind: 'datetime', description: 'when it was escalated' },
    acknowledgeBy: { kind: 'datetime', description: 'when the receiving level must acknowledge' },
  },
  'risk.warning-raised': {
    dimension: text('category, team or channel'),
    key: text('which category, team or channel'),
    metric: text('complaints, breaches or low-satisfaction'),
    observed: { kind: 'number', description: 'the observed count or rate' },
    threshold: { kind: 'number', description: 'the threshold it crossed' },
    windowStart: { kind: 'datetime', description: 'start of the window' },
    windowEnd: { kind: 'datetime', description: 'end of the window' },
    sampleSize: { kind: 'number', description: 'how many complaints the window held' },
  },
};

/** Filled at send time from the sealed contact block, for the customer only: never stored, never logged. */
export const CUSTOMER_ONLY_VARIABLES: Record<string, VariableSpec> = {
  name: text("the customer's name, opened from the sealed contact details at send time"),
};

export function variablesFor(
  eventType: NotifiableEventType,
  audience: Audience,
): Record<string, VariableSpec> {
  return audience === 'customer'
    ? { ...TEMPLATE_VARIABLES[eventType], ...CUSTOMER_ONLY_VARIABLES }
    : TEMPLATE_VARIABLES[eventType];
}

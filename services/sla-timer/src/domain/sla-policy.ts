/**
 * Service-level targets are policy data, never constants in code (DESIGN: "All numbers are policy data"). The
 * defaults come from the standards: urgent problems answered within 15 minutes, general ones within 1 hour
 * (domain-requirements §4.1). Business calendars and the other clocks arrive with issue #5.
 */
export type ClockKind = 'first-response' | 'resolution' | 'regulatory-decision';

export interface SlaPolicy {
  id: string;
  kind: ClockKind;
  urgency: 'urgent' | 'general';
  targetMinutes: number;
  businessTime: boolean;
}

export interface ClockStart {
  kind: ClockKind;
  policy: SlaPolicy;
  startedAt: Date;
  dueAt: Date;
}

/** The first-response clock for a complaint: it runs from receipt, not from classification. */
export function firstResponseClock(
  policies: SlaPolicy[],
  urgency: 'urgent' | 'general',
  receivedAt: Date,
): ClockStart {
  const policy = policies.find((p) => p.kind === 'first-response' && p.urgency === urgency);
  if (!policy) throw new Error(`no first-response policy for ${urgency} complaints`);
  return {
    kind: 'first-response',
    policy,
    startedAt: receivedAt,
    dueAt: new Date(receivedAt.getTime() + policy.targetMinutes * 60_000),
  };
}

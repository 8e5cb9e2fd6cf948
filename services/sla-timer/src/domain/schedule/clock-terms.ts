import { ClockTarget } from '../policy/sla-policy';

/**
 * What a running clock holds on to: the target it was started (or last recomputed) with, a snapshot of its
 * policy, so later policy versions change in-flight clocks only when something recomputes them.
 */
export interface ClockTerms {
  policyId: string;
  policyVersion: number;
  calendarId: string;
  target: ClockTarget;
  warningFractions: number[];
}

/** The id that travels on the wire and identifies the policy version, e.g. `urgent/v3`. */
export function policyRef(terms: ClockTerms): string {
  return `${terms.policyId}/v${terms.policyVersion}`;
}

export function sameTerms(a: ClockTerms, b: ClockTerms): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The nominal length of a target in minutes (a day counts as 1,440), as sla.started reports it. */
export function nominalMinutes(target: ClockTarget): number {
  const perUnit = { minutes: 1, hours: 60, days: 1440 } as const;
  return target.amount * perUnit[target.unit];
}

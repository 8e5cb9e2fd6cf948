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

/**
 * Equal in value. Key order must not matter: terms read back from a jsonb column come with their keys in jsonb's
 * order, and comparing their JSON text to freshly resolved terms made every reclassification re-announce
 * unchanged clocks.
 */
export function sameTerms(a: ClockTerms, b: ClockTerms): boolean {
  return canonicalJson(a) === canonicalJson(b);
}

function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The nominal length of a target in minutes (a day counts as 1,440), as sla.started reports it. */
export function nominalMinutes(target: ClockTarget): number {
  const perUnit = { minutes: 1, hours: 60, days: 1440 } as const;
  return target.amount * perUnit[target.unit];
}

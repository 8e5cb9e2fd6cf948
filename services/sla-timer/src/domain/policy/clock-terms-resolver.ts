import { ClockKind } from '../clock-kind';
import { ClockTerms } from '../schedule/clock-terms';
import { ComplaintProfile, PolicySet, selectPolicy } from './sla-policy';

/**
 * The terms a complaint's clock of this kind gets under a policy version. An extension granted by
 * complaint.deadline-extended replaces the regulatory decision target with the approved number of days.
 */
export function resolveTerms(
  set: PolicySet,
  profile: ComplaintProfile,
  kind: ClockKind,
  extensionDays?: number,
): ClockTerms | undefined {
  const policy = selectPolicy(set.policies, profile);
  const target = policy?.targets.find((t) => t.kind === kind);
  if (!policy || !target) return undefined;
  return {
    policyId: policy.id,
    policyVersion: set.version,
    calendarId: policy.calendarId,
    target: kind === 'regulatory-decision' && extensionDays ? extend(target, extensionDays) : target,
    warningFractions: policy.warningFractions,
  };
}

export function extend<T extends { amount: number; unit: string }>(target: T, days: number): T {
  return { ...target, amount: days, unit: 'days' };
}

import { FieldProblem } from '../field-problem';
import { nominalMinutes } from '../schedule/clock-terms';
import { isCatchAll, SlaPolicy } from './sla-policy';

/** No complaint clock runs longer than a year; deadline maths also stops looking after ten. */
const LONGEST_TARGET_MINUTES = 366 * 24 * 60;

/**
 * What the shape validation of a PUT cannot check: unique ids, one target per clock kind and no longer than a
 * year, warnings strictly between 0 and 1 in rising order, calendars that exist, and a last policy that catches
 * every complaint, so no classified complaint is ever left without clocks.
 */
export function policyProblems(
  policies: SlaPolicy[],
  calendarExists: (id: string) => boolean,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const ids = new Set<string>();
  policies.forEach((policy, i) => {
    const at = `policies[${i}]`;
    if (ids.has(policy.id)) problems.push({ field: `${at}.id`, message: `duplicate policy id ${policy.id}` });
    ids.add(policy.id);
    if (!calendarExists(policy.calendarId)) {
      problems.push({ field: `${at}.calendarId`, message: `no calendar ${policy.calendarId}` });
    }
    const fractions = policy.warningFractions;
    if (fractions.some((f, j) => f <= 0 || f >= 1 || (j > 0 && f <= fractions[j - 1]))) {
      problems.push({
        field: `${at}.warningFractions`,
        message: 'warning fractions must rise strictly and lie between 0 and 1',
      });
    }
    const kinds = new Set<string>();
    policy.targets.forEach((target, j) => {
      if (kinds.has(target.kind)) {
        problems.push({ field: `${at}.targets[${j}].kind`, message: `a second ${target.kind} target` });
      }
      kinds.add(target.kind);
      if (nominalMinutes(target) > LONGEST_TARGET_MINUTES) {
        problems.push({
          field: `${at}.targets[${j}].amount`,
          message: 'a target may not be longer than 366 days',
        });
      }
    });
  });
  const last = policies[policies.length - 1];
  if (!last || !isCatchAll(last)) {
    problems.push({
      field: 'policies',
      message:
        'the last policy must match every complaint (no match criteria), so every complaint gets clocks',
    });
  }
  return problems;
}

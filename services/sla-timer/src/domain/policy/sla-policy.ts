import { ClockKind } from '../clock-kind';

export const TARGET_UNITS = ['minutes', 'hours', 'days'] as const;
export type TargetUnit = (typeof TARGET_UNITS)[number];

/** `24x7`: every millisecond counts; `business`: only the working time of the policy's calendar. */
export const TIME_BASES = ['24x7', 'business'] as const;
export type TimeBasis = (typeof TIME_BASES)[number];

/**
 * One clock's target. Days are whole days after the day of receipt, ending at midnight (24x7: calendar days) or
 * at close of business (business: working days), because that is how the standards and regulators count them.
 */
export interface ClockTarget {
  kind: ClockKind;
  amount: number;
  unit: TargetUnit;
  basis: TimeBasis;
  /** Waiting for the customer stops this clock; the time paused does not count. */
  pauseWhileAwaitingCustomer: boolean;
  /** A reopened complaint starts this clock again from the reopening. */
  restartOnReopen: boolean;
}

/** Which complaints a policy covers; an absent or empty list matches anything. */
export interface PolicyMatch {
  priorities?: string[];
  urgencies?: string[];
  categories?: string[];
  channels?: string[];
}

export interface SlaPolicy {
  id: string;
  description?: string;
  match: PolicyMatch;
  calendarId: string;
  /** Fractions of the target at which a warning fires, e.g. [0.5, 0.8]. */
  warningFractions: number[];
  targets: ClockTarget[];
}

/** All policies, in order: the first whose match fits a complaint applies. Each PUT makes a new version. */
export interface PolicySet {
  version: number;
  policies: SlaPolicy[];
}

/** What a classification tells the policies about a complaint. */
export interface ComplaintProfile {
  priority: string;
  urgency: string;
  category: string;
  channel: string;
}

function fits(values: string[] | undefined, value: string): boolean {
  return !values || values.length === 0 || values.includes(value);
}

/** The first policy whose match fits the complaint; undefined when none does. */
export function selectPolicy(policies: SlaPolicy[], profile: ComplaintProfile): SlaPolicy | undefined {
  return policies.find(
    ({ match }) =>
      fits(match.priorities, profile.priority) &&
      fits(match.urgencies, profile.urgency) &&
      fits(match.categories, profile.category) &&
      fits(match.channels, profile.channel),
  );
}

/** A policy with no criteria matches every complaint. */
export function isCatchAll(policy: SlaPolicy): boolean {
  const { priorities, urgencies, categories, channels } = policy.match;
  return [priorities, urgencies, categories, channels].every((list) => !list || list.length === 0);
}

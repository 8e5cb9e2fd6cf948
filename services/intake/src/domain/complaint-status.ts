/**
 * The complaint lifecycle (domain-requirements §2): which status may follow which. Intake is the only writer of a
 * complaint's status; every other service learns it from the lifecycle events.
 */
export const STATUSES = [
  'received',
  'acknowledged',
  'awaiting-customer',
  'customer-replied',
  'resolved',
  'reopened',
  'closed',
  'withdrawn',
] as const;
export type Status = (typeof STATUSES)[number];

export type Transition =
  'acknowledge' | 'request-info' | 'customer-reply' | 'resolve' | 'reopen' | 'close' | 'withdraw';

const ACTIVE: Status[] = ['received', 'acknowledged', 'awaiting-customer', 'customer-replied', 'reopened'];

/** From which statuses each transition is legal, and where it leads. */
export const TRANSITIONS: Record<Transition, { from: Status[]; to: Status }> = {
  acknowledge: { from: ['received', 'reopened'], to: 'acknowledged' },
  'request-info': { from: ['acknowledged', 'customer-replied'], to: 'awaiting-customer' },
  'customer-reply': { from: ['awaiting-customer'], to: 'customer-replied' },
  resolve: { from: ['acknowledged', 'customer-replied'], to: 'resolved' },
  reopen: { from: ['resolved'], to: 'reopened' },
  close: { from: ['resolved'], to: 'closed' },
  withdraw: { from: ACTIVE, to: 'withdrawn' },
};

export class IllegalTransitionError extends Error {
  constructor(
    readonly transition: Transition,
    readonly current: Status,
  ) {
    super(`cannot ${transition} a complaint that is ${current}`);
    this.name = 'IllegalTransitionError';
  }
}

/** The status after a transition, or IllegalTransitionError naming the current status. */
export function nextStatus(current: Status, transition: Transition): Status {
  const rule = TRANSITIONS[transition];
  if (!rule.from.includes(current)) throw new IllegalTransitionError(transition, current);
  return rule.to;
}

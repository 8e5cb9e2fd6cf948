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

export const TRANSITION_NAMES = [
  'acknowledge',
  'request-info',
  'customer-reply',
  'resolve',
  'reopen',
  'close',
  'withdraw',
  'extend-deadline',
  'feedback',
] as const;
export type Transition = (typeof TRANSITION_NAMES)[number];

/** Open and being handled: the statuses in which the clocks run and the customer can still withdraw. */
const OPEN: Status[] = ['received', 'acknowledged', 'awaiting-customer', 'customer-replied', 'reopened'];

/**
 * From which statuses each transition is legal, and where it leads (`null`: the status stays, the transition is
 * still recorded and announced). A reopened complaint is acknowledged again before it is worked on.
 */
export const TRANSITIONS: Record<Transition, { from: Status[]; to: Status | null }> = {
  acknowledge: { from: ['received', 'reopened'], to: 'acknowledged' },
  'request-info': { from: ['acknowledged', 'customer-replied'], to: 'awaiting-customer' },
  'customer-reply': { from: ['awaiting-customer'], to: 'customer-replied' },
  resolve: { from: ['acknowledged', 'customer-replied'], to: 'resolved' },
  reopen: { from: ['resolved'], to: 'reopened' },
  close: { from: ['resolved'], to: 'closed' },
  withdraw: { from: OPEN, to: 'withdrawn' },
  'extend-deadline': { from: OPEN, to: null },
  feedback: { from: ['resolved', 'closed'], to: null },
};

export class IllegalTransitionError extends Error {
  /** What is allowed from the current state, when the caller that knows the whole state fills it in. */
  allowed?: Transition[];

  constructor(
    readonly transition: Transition,
    readonly current: Status,
    reason?: string,
  ) {
    super(reason ?? `cannot ${transition} a complaint that is ${current}`);
    this.name = 'IllegalTransitionError';
  }
}

/** The status after a transition, or IllegalTransitionError naming the current status. */
export function nextStatus(current: Status, transition: Transition): Status {
  const rule = TRANSITIONS[transition];
  if (!rule.from.includes(current)) throw new IllegalTransitionError(transition, current);
  return rule.to ?? current;
}

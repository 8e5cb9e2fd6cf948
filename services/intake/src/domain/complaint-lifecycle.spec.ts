import { allowedTransitions, applyCommand, LifecycleCommand, LifecycleState } from './complaint-lifecycle';
import { IllegalTransitionError, STATUSES, Status, Transition, TRANSITION_NAMES } from './complaint-status';

const state = (status: Status, extra: Partial<LifecycleState> = {}): LifecycleState => ({
  status,
  version: 3,
  regulatoryDeadlineDays: 15,
  feedbackReceived: false,
  ...extra,
});

const COMMANDS: Record<Transition, LifecycleCommand> = {
  acknowledge: { transition: 'acknowledge' },
  'request-info': { transition: 'request-info', informationRequested: 'statement of 2026-11' },
  'customer-reply': { transition: 'customer-reply' },
  resolve: { transition: 'resolve', outcome: 'upheld', resolutionSummary: 'refunded' },
  reopen: { transition: 'reopen', reason: 'customer disagrees' },
  close: { transition: 'close' },
  withdraw: { transition: 'withdraw', reason: 'customer withdrew' },
  'extend-deadline': {
    transition: 'extend-deadline',
    reason: 'complex case',
    newTotalDays: 30,
    approver: 'head',
  },
  feedback: { transition: 'feedback', satisfaction: 4 },
};

/** The complete table: every (status, transition) pair and its result; `409` marks an illegal one. */
const EXPECTED: Record<Status, Record<Transition, Status | 409>> = {
  received: {
    acknowledge: 'acknowledged',
    'request-info': 409,
    'customer-reply': 409,
    resolve: 409,
    reopen: 409,
    close: 409,
    withdraw: 'withdrawn',
    'extend-deadline': 'received',
    feedback: 409,
  },
  acknowledged: {
    acknowledge: 409,
    'request-info': 'awaiting-customer',
    'customer-reply': 409,
    resolve: 'resolved',
    reopen: 409,
    close: 409,
    withdraw: 'withdrawn',
    'extend-deadline': 'acknowledged',
    feedback: 409,
  },
  'awaiting-customer': {
    acknowledge: 409,
    'request-info': 409,
    'customer-reply': 'customer-replied',
    resolve: 409,
    reopen: 409,
    close: 409,
    withdraw: 'withdrawn',
    'extend-deadline': 'awaiting-customer',
    feedback: 409,
  },
  'customer-replied': {
    acknowledge: 409,
    'request-info': 'awaiting-customer',
    'customer-reply': 409,
    resolve: 'resolved',
    reopen: 409,
    close: 409,
    withdraw: 'withdrawn',
    'extend-deadline': 'customer-replied',
    feedback: 409,
  },
  resolved: {
    acknowledge: 409,
    'request-info': 409,
    'customer-reply': 409,
    resolve: 409,
    reopen: 'reopened',
    close: 'closed',
    withdraw: 409,
    'extend-deadline': 409,
    feedback: 'resolved',
  },
  reopened: {
    acknowledge: 'acknowledged',
    'request-info': 409,
    'customer-reply': 409,
    resolve: 409,
    reopen: 409,
    close: 409,
    withdraw: 'withdrawn',
    'extend-deadline': 'reopened',
    feedback: 409,
  },
  closed: {
    acknowledge: 409,
    'request-info': 409,
    'customer-reply': 409,
    resolve: 409,
    reopen: 409,
    close: 409,
    withdraw: 409,
    'extend-deadline': 409,
    feedback: 'closed',
  },
  withdrawn: {
    acknowledge: 409,
    'request-info': 409,
    'customer-reply': 409,
    resolve: 409,
    reopen: 409,
    close: 409,
    withdraw: 409,
    'extend-deadline': 409,
    feedback: 409,
  },
};

describe('complaint lifecycle state machine', () => {
  const cases = STATUSES.flatMap((status) =>
    TRANSITION_NAMES.map((t) => [status, t, EXPECTED[status][t]] as const),
  );

  it.each(cases)('from %s, %s gives %s', (status, transition, expected) => {
    // Given a complaint in `status`, When `transition` is applied
    const act = () => applyCommand(state(status), COMMANDS[transition]);
    // Then it leads to the expected status with the version bumped, or is refused naming the current status
    if (expected === 409) {
      expect(act).toThrow(IllegalTransitionError);
      expect(act).toThrow(status);
    } else {
      const outcome = act();
      expect(outcome).toMatchObject({ from: status, to: expected });
      expect(outcome.state.version).toBe(4);
    }
  });

  it('extends the regulatory deadline only forwards: 15 -> 30 -> 60, never back or to the same', () => {
    const to30 = applyCommand(state('acknowledged'), COMMANDS['extend-deadline']);
    expect(to30.state.regulatoryDeadlineDays).toBe(30);
    const to60 = applyCommand(to30.state, {
      ...COMMANDS['extend-deadline'],
      newTotalDays: 60,
    } as LifecycleCommand);
    expect(to60.state.regulatoryDeadlineDays).toBe(60);
    expect(() => applyCommand(to60.state, COMMANDS['extend-deadline'])).toThrow('must lengthen');
    expect(() => applyCommand(to30.state, COMMANDS['extend-deadline'])).toThrow('already 30 days');
  });

  it('takes feedback once', () => {
    const first = applyCommand(state('resolved'), COMMANDS.feedback);
    expect(first.state.feedbackReceived).toBe(true);
    expect(() => applyCommand(first.state, COMMANDS.feedback)).toThrow('already given');
  });

  it('lists what is allowed next', () => {
    expect(allowedTransitions(state('received'))).toEqual(['acknowledge', 'withdraw', 'extend-deadline']);
    expect(allowedTransitions(state('resolved'))).toEqual(['reopen', 'close', 'feedback']);
    expect(allowedTransitions(state('withdrawn'))).toEqual([]);
  });
});

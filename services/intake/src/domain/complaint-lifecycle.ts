import { IllegalTransitionError, nextStatus, Status, Transition } from './complaint-status';

/** What intake knows of a complaint's lifecycle, enough to decide any transition. */
export interface LifecycleState {
  status: Status;
  version: number;
  /** The regulatory decision deadline in days from receipt: 15, extendable to 30 and, with approval, 60. */
  regulatoryDeadlineDays: 15 | 30 | 60;
  feedbackReceived: boolean;
}

export type LifecycleCommand =
  | { transition: 'acknowledge'; note?: string }
  | { transition: 'request-info'; informationRequested: string }
  | { transition: 'customer-reply'; note?: string }
  | {
      transition: 'resolve';
      outcome: 'upheld' | 'partially-upheld' | 'rejected';
      resolutionSummary: string;
      remedy?: string;
    }
  | { transition: 'reopen'; reason: string }
  | { transition: 'close'; reason?: string }
  | { transition: 'withdraw'; reason: string }
  | { transition: 'extend-deadline'; reason: string; newTotalDays: 30 | 60; approver: string }
  | { transition: 'feedback'; satisfaction: number; comment?: string };

export interface TransitionOutcome {
  from: Status;
  to: Status;
  state: LifecycleState;
}

/**
 * Applies one command to a complaint's lifecycle. Pure: the caller loads the state under a row lock, applies,
 * and stores the result with its audit row and event in the same transaction.
 */
export function applyCommand(state: LifecycleState, command: LifecycleCommand): TransitionOutcome {
  const to = nextStatus(state.status, command.transition);
  const next: LifecycleState = { ...state, status: to, version: state.version + 1 };
  if (command.transition === 'extend-deadline') {
    // Extensions only lengthen the deadline (domain-requirements §4.3): 15 -> 30 -> 60, or 15 -> 60 at once.
    if (command.newTotalDays <= state.regulatoryDeadlineDays) {
      throw new IllegalTransitionError(
        command.transition,
        state.status,
        `the regulatory deadline is already ${state.regulatoryDeadlineDays} days; an extension must lengthen it`,
      );
    }
    next.regulatoryDeadlineDays = command.newTotalDays;
  }
  if (command.transition === 'feedback') {
    if (state.feedbackReceived) {
      throw new IllegalTransitionError(
        command.transition,
        state.status,
        'feedback was already given for this complaint',
      );
    }
    next.feedbackReceived = true;
  }
  return { from: state.status, to, state: next };
}

/** The transitions allowed from a status, for the API's 409 answers and the agent UI. */
export function allowedTransitions(state: LifecycleState): Transition[] {
  const candidates: LifecycleCommand[] = [
    { transition: 'acknowledge' },
    { transition: 'request-info', informationRequested: '-' },
    { transition: 'customer-reply' },
    { transition: 'resolve', outcome: 'upheld', resolutionSummary: '-' },
    { transition: 'reopen', reason: '-' },
    { transition: 'close' },
    { transition: 'withdraw', reason: '-' },
    { transition: 'extend-deadline', reason: '-', newTotalDays: 60, approver: '-' },
    { transition: 'feedback', satisfaction: 5 },
  ];
  return candidates
    .filter((command) => {
      try {
        applyCommand(state, command);
        return true;
      } catch {
        return false;
      }
    })
    .map((command) => command.transition);
}

import { ClockKind } from '../clock-kind';
import { ClockTerms } from '../schedule/clock-terms';
import { Pause } from '../schedule/pause';

export const CLOCK_STATES = ['running', 'paused', 'met', 'cancelled'] as const;
export type ClockState = (typeof CLOCK_STATES)[number];

/**
 * One clock of one complaint: one per kind and cycle (a reopened complaint starts a new cycle with a new id, so
 * downstream deduplication by clock id never swallows the second cycle's warnings). A breach is a fact about an
 * open clock, not an end state: a breached clock can still be met, late.
 */
export interface SlaClock {
  id: string;
  complaintId: string;
  kind: ClockKind;
  cycle: number;
  terms: ClockTerms;
  startedAt: Date;
  pauses: Pause[];
  state: ClockState;
  /** Null while paused. */
  dueAt: Date | null;
  targetMs: number;
  breachedAt?: Date;
  metAt?: Date;
  closedAt?: Date;
  closeReason?: string;
  /** The correlation of the event that last moved the clock: timer-fired events carry it on. */
  correlation: string;
  causedBy: string;
}

export function isOpen(clock: SlaClock): boolean {
  return clock.state === 'running' || clock.state === 'paused';
}

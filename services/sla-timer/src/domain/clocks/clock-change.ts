import { SlaClock } from './sla-clock';
import { PlannedTimer } from '../schedule/clock-schedule';

export const START_TRIGGERS = ['classified', 'reclassified', 'deadline-extended', 'reopened'] as const;
export type StartTrigger = (typeof START_TRIGGERS)[number];

/** What happened to a clock, in the words of the sla.* events. */
export type ClockEvent =
  | { type: 'sla.started'; trigger: StartTrigger }
  | { type: 'sla.met'; metAt: Date; marginMs: number }
  | { type: 'sla.paused'; previousDueAt: Date | null; remainingMs: number }
  | { type: 'sla.resumed' }
  | { type: 'sla.cancelled'; reason: string };

/** A clock after a change, the timers it should have armed now, and the event that tells the world. */
export interface ClockChange {
  clock: SlaClock;
  isNew: boolean;
  timers: PlannedTimer[];
  event: ClockEvent;
}

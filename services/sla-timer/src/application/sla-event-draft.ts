import { EventDataOf } from '@complaints/contracts';

export type SlaEventType =
  'sla.started' | 'sla.warning' | 'sla.breached' | 'sla.met' | 'sla.paused' | 'sla.resumed' | 'sla.cancelled';

/** An sla.* event before its envelope: the handler's ctx.emit or the alert publisher wraps it. */
export type SlaEventDraft = {
  [T in SlaEventType]: { type: T; subject: string; data: EventDataOf<T>; time: Date };
}[SlaEventType];

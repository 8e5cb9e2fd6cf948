import { NotifiableEventType } from '../domain/template-variables';

/** An event that tells someone something, reduced to what planning its messages needs (no personal data). */
export interface NotificationTrigger {
  eventId: string;
  eventType: NotifiableEventType;
  /** The envelope subject: the complaint id, or risk:<dimension>:<key>. */
  subject: string;
  complaintId: string | null;
  correlationId: string;
  /** Raw template values from the event itself (UTC timestamps, numbers as text). */
  variables: Record<string, string>;
  /** The team the event itself names (assignment, escalation); others use the projection's. */
  team?: string;
}

import { ServiceName } from './envelope/event-envelope';
import { TOPICS, Topic } from './topics';
import { COMPLAINT_RECEIVED, ComplaintReceivedV1 } from './complaint/complaint-received.v1';
import * as lifecycle from './complaint/lifecycle-events.v1';
import * as classification from './classification/classification-events.v1';
import * as sla from './sla/sla-events.v1';
import * as escalation from './escalation/escalation-events.v1';
import * as notification from './notification/notification-events.v1';

/** A data contract class: instances are what `data` holds after validation. */
export type DataClass<T extends object = object> = new () => T;

export interface CatalogueEntry {
  readonly version: number;
  readonly data: DataClass;
  readonly topic: Topic;
  readonly producer: ServiceName;
  readonly summary: string;
}

function entry<T extends object>(
  data: DataClass<T>,
  topic: Topic,
  producer: ServiceName,
  summary: string,
): { version: 1; data: DataClass<T>; topic: Topic; producer: ServiceName; summary: string } {
  return { version: 1, data, topic, producer, summary };
}

const intake = <T extends object>(data: DataClass<T>, summary: string) =>
  entry(data, TOPICS.intakeLifecycle, 'intake', summary);

/**
 * The single registry of every event type: its current schema version, data class, topic and producer.
 * parseEnvelope, the outbox writer, the AsyncAPI document and the topic checks all read it.
 */
export const EVENT_CATALOGUE = {
  [COMPLAINT_RECEIVED]: entry(
    ComplaintReceivedV1,
    TOPICS.intakeLifecycle,
    'intake',
    'A channel filed a complaint; intake recorded it.',
  ),
  [lifecycle.COMPLAINT_ACKNOWLEDGED]: intake(
    lifecycle.ComplaintAcknowledgedV1,
    'An agent took the complaint on (first response).',
  ),
  [lifecycle.COMPLAINT_AWAITING_CUSTOMER]: intake(
    lifecycle.ComplaintAwaitingCustomerV1,
    'Information was requested from the customer.',
  ),
  [lifecycle.COMPLAINT_CUSTOMER_REPLIED]: intake(
    lifecycle.ComplaintCustomerRepliedV1,
    'The customer supplied the information.',
  ),
  [lifecycle.COMPLAINT_RESOLVED]: intake(
    lifecycle.ComplaintResolvedV1,
    'A resolution was given to the customer.',
  ),
  [lifecycle.COMPLAINT_REOPENED]: intake(lifecycle.ComplaintReopenedV1, 'A resolved complaint was reopened.'),
  [lifecycle.COMPLAINT_CLOSED]: intake(lifecycle.ComplaintClosedV1, 'The complaint was closed.'),
  [lifecycle.COMPLAINT_WITHDRAWN]: intake(
    lifecycle.ComplaintWithdrawnV1,
    'The customer withdrew the complaint.',
  ),
  [lifecycle.COMPLAINT_DEADLINE_EXTENDED]: intake(
    lifecycle.ComplaintDeadlineExtendedV1,
    'The regulatory decision deadline was extended.',
  ),
  [lifecycle.COMPLAINT_FEEDBACK_RECEIVED]: intake(
    lifecycle.ComplaintFeedbackReceivedV1,
    'The customer rated the handling.',
  ),
  [classification.COMPLAINT_CLASSIFIED]: entry(
    classification.ComplaintClassifiedV1,
    TOPICS.classificationResults,
    'classification',
    'Category, urgency, risk and priority, with the rules that fired.',
  ),
  [classification.COMPLAINT_RECLASSIFIED]: entry(
    classification.ComplaintReclassifiedV1,
    TOPICS.classificationResults,
    'classification',
    'A changed classification (override or reassessment).',
  ),
  [sla.SLA_STARTED]: entry(
    sla.SlaStartedV1,
    TOPICS.slaClocks,
    'sla-timer',
    'A clock started with its due time.',
  ),
  [sla.SLA_WARNING]: entry(
    sla.SlaWarningV1,
    TOPICS.slaClocks,
    'sla-timer',
    'A clock passed a warning threshold.',
  ),
  [sla.SLA_BREACHED]: entry(
    sla.SlaBreachedV1,
    TOPICS.slaClocks,
    'sla-timer',
    'A clock passed its due time unmet.',
  ),
  [sla.SLA_MET]: entry(sla.SlaMetV1, TOPICS.slaClocks, 'sla-timer', 'A clock was met.'),
  [sla.SLA_PAUSED]: entry(
    sla.SlaPausedV1,
    TOPICS.slaClocks,
    'sla-timer',
    'A clock paused while waiting for the customer.',
  ),
  [sla.SLA_RESUMED]: entry(
    sla.SlaResumedV1,
    TOPICS.slaClocks,
    'sla-timer',
    'A paused clock resumed with a new due time.',
  ),
  [sla.SLA_CANCELLED]: entry(
    sla.SlaCancelledV1,
    TOPICS.slaClocks,
    'sla-timer',
    'A clock was cancelled (e.g. withdrawn complaint).',
  ),
  [escalation.COMPLAINT_ASSIGNED]: entry(
    escalation.ComplaintAssignedV1,
    TOPICS.escalationRouting,
    'escalation',
    'The complaint was routed to an owning team and level.',
  ),
  [escalation.COMPLAINT_ESCALATED]: entry(
    escalation.ComplaintEscalatedV1,
    TOPICS.escalationRouting,
    'escalation',
    'The complaint went up a level.',
  ),
  [escalation.ESCALATION_ACKNOWLEDGED]: entry(
    escalation.EscalationAcknowledgedV1,
    TOPICS.escalationRouting,
    'escalation',
    'The receiving level acknowledged an escalation.',
  ),
  [escalation.RISK_WARNING_RAISED]: entry(
    escalation.RiskWarningRaisedV1,
    TOPICS.escalationRouting,
    'escalation',
    'A rolling rate crossed its risk threshold.',
  ),
  [notification.NOTIFICATION_SENT]: entry(
    notification.NotificationSentV1,
    TOPICS.notificationDeliveries,
    'notification',
    'A message was delivered.',
  ),
  [notification.NOTIFICATION_FAILED]: entry(
    notification.NotificationFailedV1,
    TOPICS.notificationDeliveries,
    'notification',
    'A message could not be delivered.',
  ),
} as const satisfies Record<string, CatalogueEntry>;

export type EventType = keyof typeof EVENT_CATALOGUE;
export type EventDataOf<T extends EventType> = InstanceType<(typeof EVENT_CATALOGUE)[T]['data']>;

export const EVENT_TYPES = Object.keys(EVENT_CATALOGUE) as EventType[];

export function isEventType(type: string): type is EventType {
  return Object.prototype.hasOwnProperty.call(EVENT_CATALOGUE, type);
}

/** The event types a topic carries, in catalogue order. */
export function eventTypesOn(topic: Topic): EventType[] {
  return EVENT_TYPES.filter((type) => EVENT_CATALOGUE[type].topic === topic);
}

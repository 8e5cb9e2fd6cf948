import { ServiceName } from './envelope/event-envelope';

/**
 * Topic names: complaints.<owner>.<stream>. The owner is the only writer. Partitions and retention live in
 * deploy/kafka/topics.json; a test checks the two agree.
 */
export const TOPICS = {
  intakeLifecycle: 'complaints.intake.lifecycle',
  classificationResults: 'complaints.classification.results',
  slaClocks: 'complaints.sla-timer.clocks',
  escalationRouting: 'complaints.escalation.routing',
  notificationDeliveries: 'complaints.notification.deliveries',
} as const;
export type Topic = (typeof TOPICS)[keyof typeof TOPICS];

/** The dead-letter topic of a consuming service: poison messages land here with their error. */
export function deadLetterTopic(consumer: ServiceName): string {
  return `complaints.${consumer}.dlq`;
}

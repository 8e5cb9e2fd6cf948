import { EntityManager } from 'typeorm';
import { SlaEventDraft } from '../sla-event-draft';

/**
 * Publishes what a timer says (sla.warning, sla.breached) in the firing transaction: into the outbox for Kafka,
 * and to the live feed of every replica (GET /v1/sla/stream), both on commit only.
 */
export interface AlertPublisher {
  publish(em: EntityManager, alerts: { draft: SlaEventDraft; correlation: string }[]): Promise<void>;
}

export const ALERT_PUBLISHER = Symbol('AlertPublisher');

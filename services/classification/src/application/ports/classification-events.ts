import { EntityManager } from 'typeorm';
import { ComplaintReclassifiedV1 } from '@complaints/contracts';

/** Puts events caused by an API request into the outbox (event handlers use their own context's emit). */
export interface ClassificationEvents {
  reclassified(
    em: EntityManager,
    data: ComplaintReclassifiedV1,
    meta: { correlationId: string; time: Date },
  ): Promise<void>;
}

export const CLASSIFICATION_EVENTS = Symbol('ClassificationEvents');

import { EntityManager } from 'typeorm';
import { ComplaintClassifiedV1 } from '@complaints/contracts';

export interface StoredClassification extends ComplaintClassifiedV1 {
  customerHash: string;
}

/** Classification results, written inside the handler's transaction (`em`). */
export interface ClassificationStore {
  /** Inserts the first classification of a complaint; false when it already has one. */
  insertFirst(em: EntityManager, classified: ComplaintClassifiedV1, customerHash: string): Promise<boolean>;
  find(complaintId: string): Promise<StoredClassification | null>;
}

export const CLASSIFICATION_STORE = Symbol('ClassificationStore');

import { EntityManager } from 'typeorm';

export interface ClassificationFacts {
  complaintId: string;
  category: string;
  subcategory?: string;
  urgency: string;
  risk: string;
  priority: string;
  revision: number;
}

export interface RoutingFacts {
  complaintId: string;
  team: string;
  level: string;
  at: Date;
}

/**
 * intake's copy of what other services decided about a complaint. Events can arrive late or twice, and across
 * topics in any order, so each write keeps only the newer fact (higher revision, later routing time).
 */
export interface ProjectionStore {
  applyClassification(em: EntityManager, facts: ClassificationFacts): Promise<void>;
  applyRouting(em: EntityManager, facts: RoutingFacts): Promise<void>;
}

export const PROJECTION_STORE = Symbol('ProjectionStore');

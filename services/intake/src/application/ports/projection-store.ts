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
 * topics in any order, so each write keeps only the newer fact (higher revision, later routing time). Each call
 * takes many complaints' facts, at most one per complaint.
 */
export interface ProjectionStore {
  applyClassifications(em: EntityManager, facts: ClassificationFacts[]): Promise<void>;
  applyRoutings(em: EntityManager, facts: RoutingFacts[]): Promise<void>;
}

export const PROJECTION_STORE = Symbol('ProjectionStore');

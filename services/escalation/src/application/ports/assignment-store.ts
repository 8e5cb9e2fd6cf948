import { EntityManager } from 'typeorm';
import { RoutingRule } from '../../domain/routing';

export interface StoredAssignment {
  complaintId: string;
  team: string;
  level: string;
  ruleId: string;
  matrixVersion: string;
  reason: string;
  assignedAt: string;
}

export interface AssignmentStore {
  matrix(em: EntityManager): Promise<{ version: string; rules: RoutingRule[] }>;
  /** Records the first assignment of a complaint; false when it is already assigned. */
  insertFirst(em: EntityManager, assignment: StoredAssignment): Promise<boolean>;
  list(
    filter: { complaintId?: string; team?: string; level?: string },
    limit: number,
  ): Promise<StoredAssignment[]>;
}

export const ASSIGNMENT_STORE = Symbol('AssignmentStore');

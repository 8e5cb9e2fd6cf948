import { EntityManager } from 'typeorm';
import { EscalationMatrix, MatrixContent } from '../../domain/matrix/escalation-matrix';

export interface StoredMatrix extends EscalationMatrix {
  basedOn: number | null;
  createdBy: string;
  createdAt: string;
}

export interface MatrixStore {
  /** The matrix in force (the highest version). */
  current(em?: EntityManager): Promise<StoredMatrix>;
  version(version: number): Promise<StoredMatrix | null>;
  /**
   * Stores the content as the next version. Throws MatrixVersionConflictError when `basedOn` is given and is not
   * the version in force, or when another replacement committed first.
   */
  saveNewVersion(
    content: MatrixContent,
    basedOn: number | undefined,
    actor: string,
    at: Date,
  ): Promise<StoredMatrix>;
}

export const MATRIX_STORE = Symbol('MatrixStore');

export class MatrixVersionConflictError extends Error {
  constructor(readonly current: number) {
    super(`the escalation matrix changed meanwhile: version ${current} is in force`);
    this.name = 'MatrixVersionConflictError';
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { Clock, CLOCK } from '../domain/clock';
import { MatrixContent } from '../domain/matrix/escalation-matrix';
import { MatrixProblem, validateMatrix } from '../domain/matrix/validate-matrix';
import { MATRIX_STORE, MatrixStore, StoredMatrix } from './ports/matrix-store';

export class InvalidMatrixError extends Error {
  constructor(readonly problems: MatrixProblem[]) {
    super('the escalation matrix is not valid');
    this.name = 'InvalidMatrixError';
  }
}

/** Reads the matrix and replaces it as a new version; a matrix with any problem is refused whole. */
@Injectable()
export class ManageMatrixService {
  constructor(
    @Inject(MATRIX_STORE) private readonly store: MatrixStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  current(): Promise<StoredMatrix> {
    return this.store.current();
  }

  version(version: number): Promise<StoredMatrix | null> {
    return this.store.version(version);
  }

  /** Throws InvalidMatrixError, or MatrixVersionConflictError when `basedOn` is not the version in force. */
  async replace(content: MatrixContent, basedOn: number | undefined, actor: string): Promise<StoredMatrix> {
    const problems = validateMatrix(content);
    if (problems.length > 0) throw new InvalidMatrixError(problems);
    return this.store.saveNewVersion(content, basedOn, actor, this.clock.now());
  }
}

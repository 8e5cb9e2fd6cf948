import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { TransactionMemo } from '@complaints/persistence';
import { MatrixStore, MatrixVersionConflictError, StoredMatrix } from '../../application/ports/matrix-store';
import { MatrixContent } from '../../domain/matrix/escalation-matrix';

interface MatrixRow {
  version: number;
  document: MatrixContent;
  based_on: number | null;
  created_by: string;
  created_at: Date;
}

@Injectable()
export class TypeormMatrixStore implements MatrixStore {
  /** Every event of a consumer's run routes by the current matrix: it is read once per run. */
  private readonly currentMatrix = new TransactionMemo<StoredMatrix>();

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  current(em?: EntityManager): Promise<StoredMatrix> {
    return this.currentMatrix.read(em, 'current', () => this.readCurrent(em));
  }

  private async readCurrent(em?: EntityManager): Promise<StoredMatrix> {
    const [row]: MatrixRow[] = await (em ?? this.dataSource).query(
      `SELECT * FROM escalation_matrix ORDER BY version DESC LIMIT 1`,
    );
    if (!row) throw new Error('no escalation matrix: the migrations seed version 1');
    return toMatrix(row);
  }

  async version(version: number): Promise<StoredMatrix | null> {
    const [row]: MatrixRow[] = await this.dataSource.query(
      `SELECT * FROM escalation_matrix WHERE version = $1`,
      [version],
    );
    return row ? toMatrix(row) : null;
  }

  saveNewVersion(
    content: MatrixContent,
    basedOn: number | undefined,
    actor: string,
    at: Date,
  ): Promise<StoredMatrix> {
    return this.dataSource.transaction(async (em) => {
      // One replacement at a time; readers (handlers routing complaints) are not blocked by this lock mode.
      await em.query(`LOCK TABLE escalation_matrix IN EXCLUSIVE MODE`);
      const [{ current }]: { current: number }[] = await em.query(
        `SELECT max(version) AS current FROM escalation_matrix`,
      );
      if (basedOn !== undefined && basedOn !== current) throw new MatrixVersionConflictError(current);
      const [row]: MatrixRow[] = await em.query(
        `INSERT INTO escalation_matrix (version, document, based_on, created_by, created_at)
         VALUES ($1, $2::jsonb, $3, $4, $5) RETURNING *`,
        [current + 1, JSON.stringify(content), current, actor, at],
      );
      return toMatrix(row);
    });
  }
}

function toMatrix(row: MatrixRow): StoredMatrix {
  return {
    version: row.version,
    levels: row.document.levels,
    routingRules: row.document.routingRules,
    startLevelRules: row.document.startLevelRules,
    risk: row.document.risk,
    basedOn: row.based_on,
    createdBy: row.created_by,
    createdAt: row.created_at.toISOString(),
  };
}

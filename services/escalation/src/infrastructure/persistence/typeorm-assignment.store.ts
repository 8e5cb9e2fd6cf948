import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { AssignmentStore, StoredAssignment } from '../../application/ports/assignment-store';
import { RoutingRule } from '../../domain/routing';

interface RuleRow {
  id: string;
  rule_order: number;
  category: string | null;
  urgency: string | null;
  risk: string | null;
  signal: string | null;
  team: string;
  matrix_version: string;
}

interface AssignmentRow {
  complaint_id: string;
  team: string;
  level: string;
  rule_id: string;
  matrix_version: string;
  reason: string;
  assigned_at: Date;
}

@Injectable()
export class TypeormAssignmentStore implements AssignmentStore {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async matrix(em: EntityManager): Promise<{ version: string; rules: RoutingRule[] }> {
    const rows: RuleRow[] = await em.query('SELECT * FROM routing_rule ORDER BY rule_order');
    return {
      version: rows[0]?.matrix_version ?? 'empty',
      rules: rows.map((r) => ({
        id: r.id,
        order: r.rule_order,
        team: r.team,
        ...(r.category ? { category: r.category } : {}),
        ...(r.urgency ? { urgency: r.urgency } : {}),
        ...(r.risk ? { risk: r.risk } : {}),
        ...(r.signal ? { signal: r.signal } : {}),
      })),
    };
  }

  async insertFirst(em: EntityManager, a: StoredAssignment): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO assignment (complaint_id, team, level, rule_id, matrix_version, reason, assigned_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (complaint_id) DO NOTHING RETURNING 1`,
      [a.complaintId, a.team, a.level, a.ruleId, a.matrixVersion, a.reason, a.assignedAt],
    );
    return rows.length > 0;
  }

  async list(
    filter: { complaintId?: string; team?: string; level?: string },
    limit: number,
  ): Promise<StoredAssignment[]> {
    const rows: AssignmentRow[] = await this.dataSource.query(
      `SELECT * FROM assignment
       WHERE ($1::uuid IS NULL OR complaint_id = $1) AND ($2::text IS NULL OR team = $2) AND ($3::text IS NULL OR level = $3)
       ORDER BY assigned_at DESC LIMIT $4`,
      [filter.complaintId ?? null, filter.team ?? null, filter.level ?? null, limit],
    );
    return rows.map((r) => ({
      complaintId: r.complaint_id,
      team: r.team,
      level: r.level,
      ruleId: r.rule_id,
      matrixVersion: r.matrix_version,
      reason: r.reason,
      assignedAt: r.assigned_at.toISOString(),
    }));
  }
}

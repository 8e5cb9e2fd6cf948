import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { isKeysetPosition } from '@complaints/persistence';
import { EscalationState } from '../../application/ports/case-store';
import {
  AssignmentView,
  EscalationQueries,
  EscalationView,
  InvalidCursorError,
  Page,
  RiskWarningView,
} from '../../application/ports/escalation-queries';
import { Level } from '../../domain/level';
import { RiskDimension, RiskMetric } from '../../domain/matrix/escalation-matrix';

interface EscalationRow {
  id: string;
  complaint_id: string;
  from_level: Level;
  to_level: Level;
  team: string;
  trigger: string;
  reason: string;
  breached_clock: string | null;
  state: EscalationState;
  escalated_at: Date;
  acknowledge_by: Date;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  closed_at: Date | null;
  closed_reason: string | null;
  matrix_version: number;
}

interface AssignmentRow {
  complaint_id: string;
  team: string;
  level: Level;
  routed_team: string;
  rule_id: string;
  matrix_version: string;
  reason: string;
  assigned_at: Date;
  updated_at: Date | null;
  open_escalation_id: string | null;
  last_warning: { clock: string; threshold: number; dueAt: string; occurredAt: string } | null;
}

interface RiskWarningRow {
  id: string;
  dimension: RiskDimension;
  key: string;
  metric: RiskMetric;
  measure: string;
  threshold_id: string;
  observed: number;
  threshold: number;
  window_start: Date;
  window_end: Date;
  sample_size: number;
  raised_at: Date;
}

/** Keyset pagination, newest first: the cursor is the (time, id) of the last item of the previous page. */
@Injectable()
export class TypeormEscalationQueries implements EscalationQueries {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async escalations(
    filter: { team?: string; level?: Level; state?: EscalationState; complaintId?: string },
    page: { limit: number; cursor?: string },
    now: Date,
  ): Promise<Page<EscalationView>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const rows: EscalationRow[] = await this.dataSource.query(
      `SELECT * FROM escalation
       WHERE ($1::text IS NULL OR team = $1) AND ($2::text IS NULL OR to_level = $2)
         AND ($3::text IS NULL OR state = $3) AND ($4::uuid IS NULL OR complaint_id = $4)
         AND ($5::timestamptz IS NULL OR (escalated_at, id) < ($5, $6::uuid))
       ORDER BY escalated_at DESC, id DESC LIMIT $7`,
      [
        filter.team ?? null,
        filter.level ?? null,
        filter.state ?? null,
        filter.complaintId ?? null,
        after?.time ?? null,
        after?.id ?? null,
        page.limit + 1,
      ],
    );
    return pageOf(
      rows,
      page.limit,
      (r) => toEscalation(r, now),
      (r) => encodeCursor(r.escalated_at, r.id),
    );
  }

  async escalation(id: string, now: Date): Promise<EscalationView | null> {
    const [row]: EscalationRow[] = await this.dataSource.query(`SELECT * FROM escalation WHERE id = $1`, [
      id,
    ]);
    return row ? toEscalation(row, now) : null;
  }

  async assignments(
    filter: { complaintId?: string; team?: string; level?: Level },
    limit: number,
  ): Promise<AssignmentView[]> {
    const rows: AssignmentRow[] = await this.dataSource.query(
      `SELECT a.*, c.open_escalation_id, c.last_warning
       FROM assignment a LEFT JOIN complaint_case c ON c.complaint_id = a.complaint_id
       WHERE ($1::uuid IS NULL OR a.complaint_id = $1) AND ($2::text IS NULL OR a.team = $2)
         AND ($3::text IS NULL OR a.level = $3)
       ORDER BY a.assigned_at DESC LIMIT $4`,
      [filter.complaintId ?? null, filter.team ?? null, filter.level ?? null, limit],
    );
    return rows.map((r) => ({
      complaintId: r.complaint_id,
      team: r.team,
      level: r.level,
      routedTeam: r.routed_team,
      ruleId: r.rule_id,
      matrixVersion: r.matrix_version,
      reason: r.reason,
      assignedAt: r.assigned_at.toISOString(),
      updatedAt: (r.updated_at ?? r.assigned_at).toISOString(),
      openEscalationId: r.open_escalation_id,
      lastWarning: r.last_warning
        ? {
            clock: r.last_warning.clock,
            threshold: r.last_warning.threshold,
            dueAt: r.last_warning.dueAt,
            occurredAt: r.last_warning.occurredAt,
          }
        : null,
    }));
  }

  async riskWarnings(
    filter: { dimension?: RiskDimension; key?: string; metric?: RiskMetric; from?: Date; to?: Date },
    page: { limit: number; cursor?: string },
  ): Promise<Page<RiskWarningView>> {
    const after = page.cursor ? decodeCursor(page.cursor) : null;
    const rows: RiskWarningRow[] = await this.dataSource.query(
      `SELECT * FROM risk_warning
       WHERE ($1::text IS NULL OR dimension = $1) AND ($2::text IS NULL OR key = $2)
         AND ($3::text IS NULL OR metric = $3)
         AND ($4::timestamptz IS NULL OR raised_at >= $4) AND ($5::timestamptz IS NULL OR raised_at < $5)
         AND ($6::timestamptz IS NULL OR (raised_at, id) < ($6, $7::uuid))
       ORDER BY raised_at DESC, id DESC LIMIT $8`,
      [
        filter.dimension ?? null,
        filter.key ?? null,
        filter.metric ?? null,
        filter.from ?? null,
        filter.to ?? null,
        after?.time ?? null,
        after?.id ?? null,
        page.limit + 1,
      ],
    );
    return pageOf(
      rows,
      page.limit,
      (r) => ({
        id: r.id,
        dimension: r.dimension,
        key: r.key,
        metric: r.metric,
        measure: r.measure,
        thresholdId: r.threshold_id,
        observed: r.observed,
        threshold: r.threshold,
        windowStart: r.window_start.toISOString(),
        windowEnd: r.window_end.toISOString(),
        sampleSize: r.sample_size,
        raisedAt: r.raised_at.toISOString(),
      }),
      (r) => encodeCursor(r.raised_at, r.id),
    );
  }
}

function toEscalation(r: EscalationRow, now: Date): EscalationView {
  return {
    id: r.id,
    complaintId: r.complaint_id,
    fromLevel: r.from_level,
    level: r.to_level,
    team: r.team,
    trigger: r.trigger,
    reason: r.reason,
    breachedClock: r.breached_clock,
    state: r.state,
    escalatedAt: r.escalated_at.toISOString(),
    acknowledgeBy: r.acknowledge_by.toISOString(),
    overdue: r.state === 'open' && r.acknowledge_by.getTime() <= now.getTime(),
    acknowledgedBy: r.acknowledged_by,
    acknowledgedAt: r.acknowledged_at?.toISOString() ?? null,
    closedAt: r.closed_at?.toISOString() ?? null,
    closedReason: r.closed_reason,
    matrixVersion: r.matrix_version,
  };
}

function pageOf<R, T>(rows: R[], limit: number, view: (r: R) => T, cursorOf: (r: R) => string): Page<T> {
  const items = rows.slice(0, limit);
  const more = rows.length > limit;
  return { items: items.map(view), nextCursor: more ? cursorOf(items[items.length - 1]) : null };
}

function encodeCursor(time: Date, id: string): string {
  return Buffer.from(JSON.stringify([time.toISOString(), id])).toString('base64url');
}

function decodeCursor(cursor: string): { time: Date; id: string } {
  try {
    const [time, id] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as [string, string];
    const at = new Date(time);
    if (!isKeysetPosition(at, id)) throw new InvalidCursorError();
    return { time: at, id };
  } catch {
    throw new InvalidCursorError();
  }
}

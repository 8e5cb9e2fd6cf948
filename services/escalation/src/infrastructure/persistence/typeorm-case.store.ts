import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { BreachRecord, CaseStore, EscalationState, SaveContext } from '../../application/ports/case-store';
import { TIMER_CHANNEL } from '../../application/ports/timer-store';
import { Acknowledged, CaseEffect, Escalated } from '../../domain/case/case-effects';
import { CaseState, ClassificationFacts, ClockWarning, PendingTrigger } from '../../domain/case/case-state';
import { isLevel, Level } from '../../domain/level';

interface CaseRow {
  complaint_id: string;
  facts: StoredFacts | null;
  lifecycle_version: number;
  lifecycle_status: string | null;
  pending: StoredPending[];
  last_warning: StoredWarning | null;
  open_escalation_id: string | null;
  open_level: string | null;
  open_acknowledge_by: Date | null;
  routed_team: string | null;
  team: string | null;
  level: string | null;
  rule_id: string | null;
  assigned_at: Date | null;
}

/** Dates travel through jsonb as ISO strings. */
type Stored<T> = {
  [K in keyof T]: T[K] extends Date ? string : T[K] extends Date | undefined ? string | undefined : T[K];
};
type StoredFacts = Stored<ClassificationFacts>;
type StoredWarning = Stored<ClockWarning>;
type StoredPending =
  | Stored<Extract<PendingTrigger, { kind: 'breach' }>>
  | Stored<Extract<PendingTrigger, { kind: 'reopened' }>>
  | Stored<Extract<PendingTrigger, { kind: 'feedback' }>>;

@Injectable()
export class TypeormCaseStore implements CaseStore {
  async lock(em: EntityManager, complaintId: string): Promise<CaseState> {
    await em.query(
      `INSERT INTO complaint_case (complaint_id) VALUES ($1) ON CONFLICT (complaint_id) DO NOTHING`,
      [complaintId],
    );
    // Lock first, read second: a locking SELECT that had to wait re-reads only the row it locks, never the joined
    // assignment and escalation, so one query could see the case as another transaction left it but its owner
    // and open escalation from before that change. A fresh statement after the lock sees all of it.
    await em.query(`SELECT 1 FROM complaint_case WHERE complaint_id = $1 FOR UPDATE`, [complaintId]);
    const [row]: CaseRow[] = await em.query(
      `SELECT c.complaint_id, c.facts, c.lifecycle_version, c.lifecycle_status, c.pending, c.last_warning,
              c.open_escalation_id, e.to_level AS open_level, e.acknowledge_by AS open_acknowledge_by,
              a.routed_team, a.team, a.level, a.rule_id, a.assigned_at
       FROM complaint_case c
       LEFT JOIN assignment a ON a.complaint_id = c.complaint_id
       LEFT JOIN escalation e ON e.id = c.open_escalation_id
       WHERE c.complaint_id = $1`,
      [complaintId],
    );
    return toState(row);
  }

  async save(
    em: EntityManager,
    state: CaseState,
    effects: CaseEffect[],
    context: SaveContext,
  ): Promise<void> {
    for (const effect of effects) {
      switch (effect.kind) {
        case 'assigned':
          await em.query(
            `INSERT INTO assignment (complaint_id, team, level, rule_id, matrix_version, reason, assigned_at, routed_team, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $7)
             ON CONFLICT (complaint_id) DO UPDATE SET
               team = EXCLUDED.team, level = EXCLUDED.level, rule_id = EXCLUDED.rule_id,
               matrix_version = EXCLUDED.matrix_version, reason = EXCLUDED.reason, assigned_at = EXCLUDED.assigned_at,
               routed_team = EXCLUDED.routed_team, updated_at = EXCLUDED.updated_at`,
            [
              state.complaintId,
              effect.team,
              effect.level,
              effect.ruleId,
              String(effect.matrixVersion),
              effect.reason,
              effect.assignedAt,
              state.ownership?.routedTeam ?? effect.team,
            ],
          );
          break;
        case 'escalated':
          await this.escalate(em, state.complaintId, effect, context);
          break;
        case 'acknowledged':
          await this.acknowledge(em, state.complaintId, effect, context);
          break;
        case 'escalation-closed':
          await em.query(
            `UPDATE escalation SET state = 'closed', closed_at = $2, closed_reason = $3 WHERE id = $1 AND state = 'open'`,
            [effect.escalationId, effect.at, effect.reason],
          );
          break;
        case 'observed':
          break;
      }
    }
    await em.query(
      `UPDATE complaint_case SET facts = $2::jsonb, lifecycle_version = $3, lifecycle_status = $4,
         open_escalation_id = $5, pending = $6::jsonb, last_warning = $7::jsonb, updated_at = now()
       WHERE complaint_id = $1`,
      [
        state.complaintId,
        state.facts ? JSON.stringify(state.facts) : null,
        state.lifecycle.version,
        state.lifecycle.status,
        state.openEscalation?.id ?? null,
        JSON.stringify(state.pending),
        state.lastWarning ? JSON.stringify(state.lastWarning) : null,
      ],
    );
  }

  async recordBreach(em: EntityManager, b: BreachRecord, at: Date): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO sla_breach (clock_id, due_at, complaint_id, clock, breached_at, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (clock_id, due_at) DO NOTHING RETURNING 1`,
      [b.clockId, b.dueAt, b.complaintId, b.clock, b.breachedAt, at],
    );
    return rows.length > 0;
  }

  async escalationState(
    em: EntityManager,
    escalationId: string,
  ): Promise<{ complaintId: string; state: EscalationState } | null> {
    const [row]: { complaint_id: string; state: EscalationState }[] = await em.query(
      `SELECT complaint_id, state FROM escalation WHERE id = $1`,
      [escalationId],
    );
    return row ? { complaintId: row.complaint_id, state: row.state } : null;
  }

  private async escalate(
    em: EntityManager,
    complaintId: string,
    e: Escalated,
    context: SaveContext,
  ): Promise<void> {
    // The superseded one leaves the open state first: one open escalation per complaint is a unique index.
    if (e.supersedes) {
      await em.query(
        `UPDATE escalation SET state = 'superseded', superseded_by = $2 WHERE id = $1 AND state = 'open'`,
        [e.supersedes, e.escalationId],
      );
    }
    await em.query(
      `INSERT INTO escalation (id, complaint_id, from_level, to_level, team, trigger, reason, breached_clock,
         escalated_at, acknowledge_by, state, matrix_version, correlation_id)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', $11, $12)`,
      [
        e.escalationId,
        complaintId,
        e.fromLevel,
        e.toLevel,
        e.team,
        e.trigger,
        e.reason,
        e.breachedClock ?? null,
        e.escalatedAt,
        e.acknowledgeBy,
        e.matrixVersion,
        context.correlationId,
      ],
    );
    if (e.reescalateAt) {
      await em.query(
        `INSERT INTO escalation_timer (escalation_id, complaint_id, due_at) VALUES ($1, $2, $3)`,
        [e.escalationId, complaintId, e.reescalateAt],
      );
      // Delivered on commit: a scheduler asleep until a later timer wakes and plans again.
      await em.query(`SELECT pg_notify($1, '')`, [TIMER_CHANNEL]);
    }
    await em.query(`UPDATE assignment SET team = $2, level = $3, updated_at = $4 WHERE complaint_id = $1`, [
      complaintId,
      e.team,
      e.toLevel,
      e.escalatedAt,
    ]);
  }

  private async acknowledge(
    em: EntityManager,
    complaintId: string,
    a: Acknowledged,
    context: SaveContext,
  ): Promise<void> {
    await em.query(
      `UPDATE escalation SET state = 'acknowledged', acknowledged_by = $2, acknowledged_at = $3
       WHERE id = $1 AND state = 'open'`,
      [a.escalationId, a.actor, a.at],
    );
    await em.query(
      `INSERT INTO escalation_audit (escalation_id, complaint_id, action, actor, client_id, note, from_state, to_state, occurred_at)
       VALUES ($1, $2, 'acknowledge', $3, $4, $5, 'open', 'acknowledged', $6)`,
      [a.escalationId, complaintId, a.actor, context.clientId ?? null, a.note ?? null, a.at],
    );
  }
}

function toState(row: CaseRow): CaseState {
  return {
    complaintId: row.complaint_id,
    facts: row.facts ? { ...row.facts, receivedAt: new Date(row.facts.receivedAt) } : null,
    ownership:
      row.team && row.level && isLevel(row.level)
        ? {
            routedTeam: row.routed_team ?? row.team,
            team: row.team,
            level: row.level,
            ruleId: row.rule_id ?? '',
            assignedAt: row.assigned_at ?? new Date(0),
          }
        : null,
    lifecycle: { version: row.lifecycle_version, status: row.lifecycle_status },
    openEscalation:
      row.open_escalation_id && row.open_level && row.open_acknowledge_by
        ? {
            id: row.open_escalation_id,
            level: row.open_level as Level,
            acknowledgeBy: row.open_acknowledge_by,
          }
        : null,
    pending: row.pending.map(toPending),
    lastWarning: row.last_warning
      ? {
          ...row.last_warning,
          dueAt: new Date(row.last_warning.dueAt),
          occurredAt: new Date(row.last_warning.occurredAt),
        }
      : null,
  };
}

function toPending(stored: StoredPending): PendingTrigger {
  switch (stored.kind) {
    case 'breach':
      return { ...stored, dueAt: new Date(stored.dueAt), breachedAt: new Date(stored.breachedAt) };
    case 'reopened':
      return { ...stored, at: new Date(stored.at) };
    case 'feedback':
      return { ...stored, at: new Date(stored.at) };
  }
}

import { ClockKind } from '../../domain/clock-kind';
import { ClockState, SlaClock } from '../../domain/clocks/sla-clock';
import { ClockTerms } from '../../domain/schedule/clock-terms';

/** The clock table's columns, as node-postgres returns them (bigint as a string, jsonb parsed). */
export interface ClockRow {
  id: string;
  complaint_id: string;
  kind: ClockKind;
  cycle: number;
  terms: ClockTerms;
  state: ClockState;
  started_at: Date;
  due_at: Date | null;
  target_ms: string;
  pauses: { from: string; to?: string }[];
  breached_at: Date | null;
  met_at: Date | null;
  closed_at: Date | null;
  close_reason: string | null;
  correlation: string;
  caused_by: string;
}

export const CLOCK_COLUMNS = `id, complaint_id, kind, cycle, terms, state, started_at, due_at, target_ms, pauses,
  breached_at, met_at, closed_at, close_reason, correlation, caused_by`;

export function clockFromRow(row: ClockRow): SlaClock {
  return {
    id: row.id,
    complaintId: row.complaint_id,
    kind: row.kind,
    cycle: row.cycle,
    terms: row.terms,
    startedAt: row.started_at,
    pauses: row.pauses.map((p) => ({ from: new Date(p.from), ...(p.to ? { to: new Date(p.to) } : {}) })),
    state: row.state,
    dueAt: row.due_at,
    targetMs: Number(row.target_ms),
    breachedAt: row.breached_at ?? undefined,
    metAt: row.met_at ?? undefined,
    closedAt: row.closed_at ?? undefined,
    closeReason: row.close_reason ?? undefined,
    correlation: row.correlation,
    causedBy: row.caused_by,
  };
}

/** What is written: the read columns plus the policy id, kept in its own column for the breach filter. */
export const CLOCK_WRITE_COLUMNS = `${CLOCK_COLUMNS}, policy_id`;

/** The values of one clock in CLOCK_WRITE_COLUMNS order, for a multi-row upsert. */
export function clockValues(clock: SlaClock): unknown[] {
  return [
    clock.id,
    clock.complaintId,
    clock.kind,
    clock.cycle,
    JSON.stringify(clock.terms),
    clock.state,
    clock.startedAt,
    clock.dueAt,
    clock.targetMs,
    JSON.stringify(
      clock.pauses.map((p) => ({ from: p.from.toISOString(), ...(p.to ? { to: p.to.toISOString() } : {}) })),
    ),
    clock.breachedAt ?? null,
    clock.metAt ?? null,
    clock.closedAt ?? null,
    clock.closeReason ?? null,
    clock.correlation,
    clock.causedBy,
    clock.terms.policyId,
  ];
}

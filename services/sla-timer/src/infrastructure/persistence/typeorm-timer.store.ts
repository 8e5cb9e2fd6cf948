import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ClaimedTimer, TimerStore } from '../../application/ports/timer-store';
import { ClockKind } from '../../domain/clock-kind';
import { ClockState } from '../../domain/clocks/sla-clock';
import { ClockTerms } from '../../domain/schedule/clock-terms';

/**
 * The claim: due, unfired timers in due order, locked for this transaction, with their clocks (read, not locked).
 * SKIP LOCKED makes replicas take disjoint rows. Consumers lock a complaint's timers before its clock, the order
 * used here (timer rows, then the clock row a breach updates), so the two never deadlock: a consumer holding a
 * complaint's timers is skipped, and one waiting for them waits for this short transaction.
 */
export const CLAIM_DUE_TIMERS = `
  SELECT t.id AS timer_id, t.purpose, t.fire_at, c.id AS clock_id, c.complaint_id, c.kind, c.state, c.terms,
         c.due_at, c.target_ms, c.correlation
  FROM timer t JOIN clock c ON c.id = t.clock_id
  WHERE t.fired_at IS NULL AND t.fire_at <= $1
  ORDER BY t.fire_at
  LIMIT $2
  FOR UPDATE OF t SKIP LOCKED`;

interface ClaimRow {
  timer_id: string;
  purpose: string;
  fire_at: Date;
  clock_id: string;
  complaint_id: string;
  kind: ClockKind;
  state: ClockState;
  terms: ClockTerms;
  due_at: Date | null;
  target_ms: string;
  correlation: string;
}

@Injectable()
export class TypeormTimerStore implements TimerStore {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async claimDue(em: EntityManager, now: Date, limit: number): Promise<ClaimedTimer[]> {
    const rows: ClaimRow[] = await em.query(CLAIM_DUE_TIMERS, [now, limit]);
    return rows.map((r) => ({
      timerId: r.timer_id,
      purpose: r.purpose,
      fireAt: r.fire_at,
      clockId: r.clock_id,
      complaintId: r.complaint_id,
      kind: r.kind,
      clockState: r.state,
      terms: r.terms,
      dueAt: r.due_at,
      targetMs: Number(r.target_ms),
      correlation: r.correlation,
    }));
  }

  async markFired(em: EntityManager, timerIds: string[], firedAt: Date, firedBy: string): Promise<void> {
    await em.query('UPDATE timer SET fired_at = $2, fired_by = $3 WHERE id = ANY($1::uuid[])', [
      timerIds,
      firedAt,
      firedBy,
    ]);
  }

  async markBreached(em: EntityManager, breaches: { clockId: string; breachedAt: Date }[]): Promise<void> {
    if (breaches.length === 0) return;
    await em.query(
      `UPDATE clock c SET breached_at = b.at, updated_at = now()
       FROM unnest($1::uuid[], $2::timestamptz[]) AS b(id, at)
       WHERE c.id = b.id AND c.breached_at IS NULL`,
      [breaches.map((b) => b.clockId), breaches.map((b) => b.breachedAt)],
    );
  }

  async nextFireAt(): Promise<Date | null> {
    const rows: { next: Date | null }[] = await this.dataSource.query(
      'SELECT min(fire_at) AS next FROM timer WHERE fired_at IS NULL',
    );
    return rows[0]?.next ?? null;
  }
}

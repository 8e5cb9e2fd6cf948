import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ClockView, ClockStore, NewClock } from '../../application/ports/clock-store';
import { ClockKind, SlaPolicy } from '../../domain/sla-policy';

@Injectable()
export class TypeormClockStore implements ClockStore {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async policies(em: EntityManager): Promise<SlaPolicy[]> {
    const rows: {
      id: string;
      kind: ClockKind;
      urgency: 'urgent' | 'general';
      target_minutes: number;
      business_time: boolean;
    }[] = await em.query('SELECT id, kind, urgency, target_minutes, business_time FROM sla_policy');
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      urgency: r.urgency,
      targetMinutes: r.target_minutes,
      businessTime: r.business_time,
    }));
  }

  async start(em: EntityManager, clock: NewClock): Promise<boolean> {
    const inserted: unknown[] = await em.query(
      `INSERT INTO clock (id, complaint_id, kind, policy_id, state, started_at, due_at, correlation, caused_by)
       VALUES ($1, $2, $3, $4, 'running', $5, $6, $7, $8)
       ON CONFLICT (complaint_id, kind) DO NOTHING RETURNING 1`,
      [
        clock.id,
        clock.complaintId,
        clock.kind,
        clock.policyId,
        clock.startedAt,
        clock.dueAt,
        clock.correlation,
        clock.causedBy,
      ],
    );
    if (inserted.length === 0) return false;
    for (const timer of clock.timers) {
      await em.query('INSERT INTO timer (id, clock_id, purpose, fire_at) VALUES ($1, $2, $3, $4)', [
        randomUUID(),
        clock.id,
        timer.purpose,
        timer.fireAt,
      ]);
    }
    return true;
  }

  async clocksOf(complaintId: string): Promise<ClockView[]> {
    const rows: {
      id: string;
      kind: ClockKind;
      policy_id: string;
      state: string;
      started_at: Date;
      due_at: Date;
    }[] = await this.dataSource.query(
      'SELECT id, kind, policy_id, state, started_at, due_at FROM clock WHERE complaint_id = $1 ORDER BY started_at, kind',
      [complaintId],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: r.kind,
      policyId: r.policy_id,
      state: r.state,
      startedAt: r.started_at.toISOString(),
      dueAt: r.due_at.toISOString(),
    }));
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ClaimedTimer, TimerStore } from '../../application/ports/timer-store';

@Injectable()
export class TypeormTimerStore implements TimerStore {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async claimDue(em: EntityManager, now: Date): Promise<ClaimedTimer | null> {
    // A WITH ... SELECT answers with its rows (a bare DELETE ... RETURNING answers [rows, count] in TypeORM).
    const [row]: { escalation_id: string; complaint_id: string; correlation_id: string }[] = await em.query(
      `WITH claimed AS (
         DELETE FROM escalation_timer
         WHERE escalation_id = (
                 SELECT escalation_id FROM escalation_timer WHERE due_at <= $1
                 ORDER BY due_at LIMIT 1 FOR UPDATE SKIP LOCKED)
         RETURNING escalation_id, complaint_id)
       SELECT c.escalation_id, c.complaint_id, e.correlation_id
       FROM claimed c JOIN escalation e ON e.id = c.escalation_id`,
      [now],
    );
    return row
      ? { escalationId: row.escalation_id, complaintId: row.complaint_id, correlationId: row.correlation_id }
      : null;
  }

  async nextDue(): Promise<Date | null> {
    const [row]: { due_at: Date | null }[] = await this.dataSource.query(
      `SELECT min(due_at) AS due_at FROM escalation_timer`,
    );
    return row?.due_at ?? null;
  }
}

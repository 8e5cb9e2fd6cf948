import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { OutboxWriter } from '@complaints/kafka';
import { LifecycleCommand } from '../../domain/complaint-lifecycle';
import { Status } from '../../domain/complaint-status';
import {
  AppliedTransition,
  LifecycleStore,
  LifecycleTransaction,
  LockedComplaint,
} from '../../application/ports/lifecycle-store';
import { lifecycleEnvelope } from '../messaging/lifecycle-event.mapper';

interface LockedRow {
  id: string;
  reference: string;
  received_at: Date;
  status: Status;
  version: number;
  regulatory_deadline_days: 15 | 30 | 60;
  satisfaction: number | null;
}

@Injectable()
export class TypeormLifecycleStore implements LifecycleStore {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  inTransaction<T>(work: (tx: LifecycleTransaction) => Promise<T>): Promise<T> {
    return this.dataSource.transaction((em) => work(new TypeormLifecycleTransaction(em, this.outbox)));
  }
}

class TypeormLifecycleTransaction implements LifecycleTransaction {
  constructor(
    private readonly em: EntityManager,
    private readonly outbox: OutboxWriter,
  ) {}

  async lock(complaintId: string): Promise<LockedComplaint | null> {
    const [row]: LockedRow[] = await this.em.query(
      `SELECT id, reference, received_at, status, version, regulatory_deadline_days, satisfaction
       FROM complaint WHERE id = $1 FOR UPDATE`,
      [complaintId],
    );
    if (!row) return null;
    return {
      id: row.id,
      reference: row.reference,
      receivedAt: row.received_at,
      state: {
        status: row.status,
        version: row.version,
        regulatoryDeadlineDays: row.regulatory_deadline_days,
        feedbackReceived: row.satisfaction !== null,
      },
    };
  }

  async save(applied: AppliedTransition): Promise<void> {
    const { complaint, command, outcome, occurredAt } = applied;
    await this.em.query(
      `UPDATE complaint SET status = $2, version = $3, regulatory_deadline_days = $4, updated_at = $5,
         satisfaction = COALESCE($6, satisfaction), feedback_comment = COALESCE($7, feedback_comment),
         resolution = COALESCE($8, resolution)
       WHERE id = $1`,
      [
        complaint.id,
        outcome.state.status,
        outcome.state.version,
        outcome.state.regulatoryDeadlineDays,
        occurredAt,
        command.transition === 'feedback' ? command.satisfaction : null,
        command.transition === 'feedback' ? (command.comment ?? null) : null,
        command.transition === 'resolve'
          ? JSON.stringify({
              outcome: command.outcome,
              summary: command.resolutionSummary,
              remedy: command.remedy ?? null,
            })
          : null,
      ],
    );
    await this.em.query(
      `INSERT INTO complaint_transition (complaint_id, from_status, to_status, actor, reason, occurred_at, transition, details)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        complaint.id,
        outcome.from,
        outcome.to,
        applied.actor,
        reasonOf(command) ?? null,
        occurredAt,
        command.transition,
        JSON.stringify(detailsOf(command)),
      ],
    );
    await this.outbox.enqueue(this.em, [lifecycleEnvelope(applied)]);
  }
}

/** The audit row's "why": what the actor wrote for this transition. */
function reasonOf(command: LifecycleCommand): string | undefined {
  switch (command.transition) {
    case 'acknowledge':
    case 'customer-reply':
      return command.note;
    case 'request-info':
      return command.informationRequested;
    case 'resolve':
      return command.resolutionSummary;
    case 'reopen':
    case 'withdraw':
    case 'extend-deadline':
      return command.reason;
    case 'close':
      return command.reason;
    case 'feedback':
      return command.comment;
  }
}

/** Everything else the command said, kept with the audit row. */
function detailsOf(command: LifecycleCommand): Record<string, unknown> {
  const { transition: _transition, ...details } = command;
  return details;
}

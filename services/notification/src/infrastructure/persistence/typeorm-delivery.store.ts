import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { createEnvelope, EventEnvelope } from '@complaints/contracts';
import { GroupCommit } from '@complaints/persistence';
import { OutboxWriter } from '@complaints/kafka';
import { DeliveryStatus } from '../../domain/delivery';
import { Urgency } from '../../domain/quiet-hours';
import { Audience, Channel, Language, templateId } from '../../domain/template';
import { SealedContact } from '../../application/ports/contact-vault';
import {
  AttemptView,
  ClaimedDelivery,
  DeliveryFilter,
  DeliveryStore,
  DeliveryView,
  NewDelivery,
  OutcomeEnvelope,
  Settlement,
} from '../../application/ports/delivery-store';

/** The LISTEN/NOTIFY channel that wakes the delivery workers of this database. */
export const DELIVERY_WAKE_CHANNEL = 'notification_deliveries';

interface DeliveryRow {
  id: string;
  event_id: string;
  event_type: string;
  subject: string;
  complaint_id: string | null;
  correlation_id: string | null;
  audience: Audience;
  recipient_key: string;
  channel: Channel;
  language: Language;
  template_version: number | null;
  recipient_masked: string;
  variables: Record<string, string>;
  status: DeliveryStatus;
  hold_reason: string | null;
  attempts: number;
  due_at: Date | null;
  lease_until: Date | null;
  provider_message_id: string | null;
  error: string | null;
  permanent: boolean | null;
  created_at: Date;
  sent_at: Date | null;
  failed_at: Date | null;
}

interface ClaimedRow extends DeliveryRow {
  t_subject: string | null;
  t_body: string | null;
  contact_sealed: SealedContact | null;
  urgency: Urgency | null;
  known_reference: string | null;
  staff_address: string | null;
  staff_secret_ref: string | null;
  staff_enabled: boolean | null;
}

interface AttemptRow {
  delivery_id: string;
  attempt: number;
  started_at: Date;
  finished_at: Date;
  outcome: AttemptView['outcome'];
  error: string | null;
  provider_message_id: string | null;
}

interface PendingSettlement {
  delivery: ClaimedDelivery;
  settlement: Settlement;
  outcome: OutcomeEnvelope | null;
}

@Injectable()
export class TypeormDeliveryStore implements DeliveryStore {
  private readonly settlements = new GroupCommit<PendingSettlement, boolean>((items) =>
    this.settleTogether(items),
  );

  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
  ) {}

  async record(em: EntityManager, deliveries: NewDelivery[]): Promise<NewDelivery[]> {
    const inserted: NewDelivery[] = [];
    for (const d of deliveries) {
      const failed = d.status === 'failed';
      const rows: unknown[] = await em.query(
        `INSERT INTO delivery (id, event_id, event_type, subject, complaint_id, correlation_id, audience, recipient_key,
           channel, language, template_version, recipient_masked, variables, status, attempts, due_at, error,
           permanent, failed_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)
         ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING RETURNING 1`,
        [
          d.id,
          d.eventId,
          d.eventType,
          d.subject,
          d.complaintId,
          d.correlationId,
          d.audience,
          d.recipientKey,
          d.channel,
          d.language,
          d.templateVersion,
          d.recipientMasked,
          JSON.stringify(d.variables),
          d.status,
          failed ? 1 : 0,
          d.status === 'pending' ? d.dueAt : null,
          d.error ?? null,
          failed ? true : null,
          failed ? d.dueAt : null,
        ],
      );
      if (rows.length === 0) continue;
      inserted.push(d);
      if (failed) {
        // A delivery that can never be sent has one attempt on record: the one that found out.
        await em.query(
          `INSERT INTO delivery_attempt (delivery_id, attempt, started_at, finished_at, outcome, error)
           VALUES ($1, 1, $2, $2, 'failed', $3)`,
          [d.id, d.dueAt, d.error ?? null],
        );
      }
    }
    return inserted;
  }

  async wakeWorkers(em: EntityManager): Promise<void> {
    await em.query('SELECT pg_notify($1, $2)', [DELIVERY_WAKE_CHANNEL, '']);
  }

  async releaseQuietHolds(em: EntityManager, complaintId: string, now: Date): Promise<number> {
    const rows: unknown[] = await em.query(
      `UPDATE delivery SET due_at = $2, hold_reason = NULL
       WHERE complaint_id = $1 AND status = 'pending' AND hold_reason = 'quiet-hours' RETURNING 1`,
      [complaintId, now],
    );
    return rows.length;
  }

  async claimDue(now: Date, leaseUntil: Date, limit: number): Promise<ClaimedDelivery[]> {
    // One statement, so the row locks last only while it runs; the lease keeps other workers away afterwards, and
    // an expired lease (a worker that died mid-send) makes the row claimable again.
    const rows: ClaimedRow[] = await this.dataSource.query(
      `WITH claimed AS (
         UPDATE delivery d SET status = 'sending', lease_until = $2
         WHERE d.id IN (
           SELECT id FROM delivery
           WHERE (status = 'pending' AND due_at <= $1) OR (status = 'sending' AND lease_until <= $1)
           ORDER BY due_at, id
           LIMIT $3
           FOR UPDATE SKIP LOCKED)
         RETURNING d.*)
       SELECT c.*, t.subject AS t_subject, t.body AS t_body, p.contact_sealed, p.urgency,
              p.reference AS known_reference, s.address AS staff_address, s.secret_ref AS staff_secret_ref,
              s.enabled AS staff_enabled
       FROM claimed c
       LEFT JOIN message_template t ON t.version = c.template_version AND t.event_type = c.event_type
         AND t.audience = c.audience AND t.channel = c.channel AND t.language = c.language
       LEFT JOIN complaint_profile p ON p.complaint_id = c.complaint_id
       LEFT JOIN staff_recipient s ON c.audience <> 'customer' AND s.id = c.recipient_key`,
      [now, leaseUntil, limit],
    );
    return rows.map((r) => ({
      id: r.id,
      eventId: r.event_id,
      eventType: r.event_type,
      subject: r.subject,
      complaintId: r.complaint_id,
      correlationId: r.correlation_id ?? r.event_id,
      audience: r.audience,
      recipientKey: r.recipient_key,
      channel: r.channel,
      language: r.language,
      templateVersion: r.template_version ?? 1,
      recipientMasked: r.recipient_masked,
      variables: r.variables,
      attempts: r.attempts,
      leaseUntil: r.lease_until as Date,
      template:
        r.t_body === null
          ? null
          : { ...(r.t_subject !== null ? { subject: r.t_subject } : {}), body: r.t_body },
      sealedContact: r.contact_sealed,
      urgency: r.urgency,
      knownReference: r.known_reference,
      staff:
        r.staff_address === null
          ? null
          : {
              address: r.staff_address,
              ...(r.staff_secret_ref ? { secretRef: r.staff_secret_ref } : {}),
              enabled: r.staff_enabled === true,
            },
    }));
  }

  /**
   * Settlements that arrive together (a leased batch finishing its sends) commit together: one transaction, one
   * outbox insert and one NOTIFY for the group (see GroupCommit).
   */
  settle(
    delivery: ClaimedDelivery,
    settlement: Settlement,
    outcome: OutcomeEnvelope | null,
  ): Promise<boolean> {
    return this.settlements.submit({ delivery, settlement, outcome });
  }

  private settleTogether(items: PendingSettlement[]): Promise<boolean[]> {
    return this.dataSource.transaction(async (em) => {
      const recorded: boolean[] = [];
      const events: EventEnvelope[] = [];
      for (const { delivery, settlement, outcome } of items) {
        const ours = await this.writeSettlement(em, delivery, settlement);
        recorded.push(ours);
        if (ours && outcome) {
          events.push(
            createEnvelope({
              type: outcome.event.type,
              source: 'notification',
              subject: outcome.subject,
              data: outcome.event.data,
              correlationid: outcome.correlationId,
              causationid: outcome.causationId,
              time: outcome.time,
            }),
          );
        }
      }
      await this.outbox.enqueue(em, events);
      return recorded;
    });
  }

  /**
   * The outcome and its attempt row. Only the holder of the current lease may settle: a worker whose lease
   * expired and was taken over writes nothing (false), so one outcome and one event are recorded per delivery.
   */
  private async writeSettlement(
    em: EntityManager,
    delivery: ClaimedDelivery,
    s: Settlement,
  ): Promise<boolean> {
    const ours = 'id = $1 AND status = $2 AND lease_until = $3';
    const key = [delivery.id, 'sending', delivery.leaseUntil];
    let updated: unknown[];
    switch (s.kind) {
      case 'held':
        updated = await em.query(
          `UPDATE delivery SET status = 'pending', due_at = $4, hold_reason = $5, lease_until = NULL
           WHERE ${ours} RETURNING 1`,
          [...key, s.until, s.reason],
        );
        return updated.length > 0;
      case 'sent':
        updated = await em.query(
          `UPDATE delivery SET status = 'sent', attempts = $4, provider_message_id = $5, sent_at = $6,
             lease_until = NULL, hold_reason = NULL, error = NULL WHERE ${ours} RETURNING 1`,
          [...key, s.attempt, s.providerMessageId, s.finishedAt],
        );
        break;
      case 'retry':
        updated = await em.query(
          `UPDATE delivery SET status = 'pending', attempts = $4, due_at = $5, error = $6, lease_until = NULL,
             hold_reason = NULL WHERE ${ours} RETURNING 1`,
          [...key, s.attempt, s.nextAttemptAt, s.error],
        );
        break;
      case 'failed':
        updated = await em.query(
          `UPDATE delivery SET status = 'failed', attempts = $4, error = $5, permanent = $6, failed_at = $7,
             lease_until = NULL, hold_reason = NULL WHERE ${ours} RETURNING 1`,
          [...key, s.attempt, s.error, s.permanent, s.finishedAt],
        );
        break;
    }
    if (updated.length === 0) return false;
    await em.query(
      `INSERT INTO delivery_attempt (delivery_id, attempt, started_at, finished_at, outcome, error,
         provider_message_id) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        delivery.id,
        s.attempt,
        s.startedAt,
        s.finishedAt,
        s.kind,
        s.kind === 'sent' ? null : s.error,
        s.kind === 'sent' ? s.providerMessageId : null,
      ],
    );
    return true;
  }

  async list(filter: DeliveryFilter): Promise<DeliveryView[]> {
    const conditions: string[] = [];
    const params: unknown[] = [];
    const where = (sql: string, value: unknown) => {
      params.push(value);
      conditions.push(sql.replace('?', `$${params.length}`));
    };
    if (filter.complaintId) where('complaint_id = ?', filter.complaintId);
    if (filter.subject) where('subject = ?', filter.subject);
    if (filter.status) where('status = ?', filter.status);
    params.push(filter.limit);
    // One complaint's deliveries read as a timeline; a status list (e.g. failed) shows the newest first.
    const order = filter.complaintId || filter.subject ? 'ASC' : 'DESC';
    const rows: DeliveryRow[] = await this.dataSource.query(
      `SELECT * FROM delivery WHERE ${conditions.join(' AND ')}
       ORDER BY created_at ${order}, id ${order} LIMIT $${params.length}`,
      params,
    );
    const attempts: AttemptRow[] = rows.length
      ? await this.dataSource.query(
          'SELECT * FROM delivery_attempt WHERE delivery_id = ANY($1) ORDER BY delivery_id, attempt',
          [rows.map((r) => r.id)],
        )
      : [];
    return rows.map((r) =>
      toView(
        r,
        attempts.filter((a) => a.delivery_id === r.id),
      ),
    );
  }
}

function toView(r: DeliveryRow, attempts: AttemptRow[]): DeliveryView {
  const iso = (d: Date | null) => (d ? d.toISOString() : null);
  return {
    id: r.id,
    eventId: r.event_id,
    eventType: r.event_type,
    subject: r.subject,
    complaintId: r.complaint_id,
    audience: r.audience,
    recipientKey: r.recipient_key,
    channel: r.channel,
    language: r.language,
    templateId: r.status === 'suppressed' ? null : templateId({ ...r, eventType: r.event_type }),
    templateVersion: r.template_version,
    recipientMasked: r.recipient_masked,
    status: r.status,
    holdReason: r.hold_reason,
    attempts: r.attempts,
    nextAttemptAt: r.status === 'pending' ? iso(r.due_at) : null,
    providerMessageId: r.provider_message_id,
    error: r.error,
    permanent: r.permanent,
    createdAt: r.created_at.toISOString(),
    sentAt: iso(r.sent_at),
    failedAt: iso(r.failed_at),
    attemptLog: attempts.map((a) => ({
      attempt: a.attempt,
      startedAt: a.started_at.toISOString(),
      finishedAt: a.finished_at.toISOString(),
      outcome: a.outcome,
      error: a.error,
      providerMessageId: a.provider_message_id,
    })),
  };
}

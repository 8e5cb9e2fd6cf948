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

function outcomeEnvelope(outcome: OutcomeEnvelope): EventEnvelope {
  return createEnvelope({
    type: outcome.event.type,
    source: 'notification',
    subject: outcome.subject,
    data: outcome.event.data,
    correlationid: outcome.correlationId,
    causationid: outcome.causationId,
    time: outcome.time,
  });
}

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

  /**
   * One statement for all of an event's deliveries: the rows (a repeat of the same event, recipient and channel
   * is skipped), the one attempt on record for those that can never be sent, and the NOTIFY that wakes the
   * delivery workers when any is pending.
   */
  async record(em: EntityManager, deliveries: NewDelivery[]): Promise<NewDelivery[]> {
    if (deliveries.length === 0) return [];
    const rows: { id: string }[] = await em.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
           id uuid, event_id uuid, event_type text, subject text, complaint_id uuid, correlation_id text,
           audience text, recipient_key text, channel text, language text, template_version integer,
           recipient_masked text, variables jsonb, status text, planned_at timestamptz, error text)
       ),
       inserted AS (
         INSERT INTO delivery (id, event_id, event_type, subject, complaint_id, correlation_id, audience,
           recipient_key, channel, language, template_version, recipient_masked, variables, status, attempts,
           due_at, error, permanent, failed_at)
         SELECT id, event_id, event_type, subject, complaint_id, correlation_id, audience, recipient_key, channel,
           language, template_version, recipient_masked, variables, status,
           CASE WHEN status = 'failed' THEN 1 ELSE 0 END,
           CASE WHEN status = 'pending' THEN planned_at END,
           error,
           CASE WHEN status = 'failed' THEN true END,
           CASE WHEN status = 'failed' THEN planned_at END
         FROM input
         ON CONFLICT ON CONSTRAINT delivery_once DO NOTHING
         RETURNING id, status
       ),
       -- A delivery that can never be sent has one attempt on record: the one that found out.
       attempts AS (
         INSERT INTO delivery_attempt (delivery_id, attempt, started_at, finished_at, outcome, error)
         SELECT id, 1, planned_at, planned_at, 'failed', error
         FROM input JOIN inserted USING (id) WHERE inserted.status = 'failed'
       ),
       wake AS MATERIALIZED (
         SELECT pg_notify($2, '') FROM inserted WHERE status = 'pending' LIMIT 1
       )
       SELECT id FROM inserted WHERE (SELECT count(*) FROM wake) >= 0`,
      [
        JSON.stringify(
          deliveries.map((d) => ({
            id: d.id,
            event_id: d.eventId,
            event_type: d.eventType,
            subject: d.subject,
            complaint_id: d.complaintId,
            correlation_id: d.correlationId,
            audience: d.audience,
            recipient_key: d.recipientKey,
            channel: d.channel,
            language: d.language,
            template_version: d.templateVersion,
            recipient_masked: d.recipientMasked,
            variables: d.variables,
            status: d.status,
            planned_at: d.dueAt,
            error: d.error ?? null,
          })),
        ),
        DELIVERY_WAKE_CHANNEL,
      ],
    );
    const inserted = new Set(rows.map((row) => row.id));
    return deliveries.filter((d) => inserted.has(d.id));
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
           -- due_at alone, the order of the delivery_due index: the scan stops after the batch.
           ORDER BY due_at
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
   * Settlements that arrive together (a leased batch finishing its sends) commit together, in one statement (see
   * GroupCommit).
   */
  settle(
    delivery: ClaimedDelivery,
    settlement: Settlement,
    outcome: OutcomeEnvelope | null,
  ): Promise<boolean> {
    return this.settlements.submit({ delivery, settlement, outcome });
  }

  /**
   * One statement for the group: each outcome, its attempt row (a quiet-hours hold is not an attempt), its
   * notification.sent / notification.failed and the NOTIFY that wakes the relay. Only the holder of the current
   * lease may settle: a worker whose lease expired and was taken over writes nothing (false), so one outcome and
   * one event are recorded per delivery.
   */
  private async settleTogether(items: PendingSettlement[]): Promise<boolean[]> {
    const input = items.map(({ delivery, settlement: s, outcome }) => ({
      id: delivery.id,
      lease_until: delivery.leaseUntil,
      kind: s.kind,
      attempt: s.kind === 'held' ? null : s.attempt,
      started_at: s.kind === 'held' ? null : s.startedAt,
      finished_at: s.kind === 'held' ? null : s.finishedAt,
      provider_message_id: s.kind === 'sent' ? s.providerMessageId : null,
      error: s.kind === 'retry' || s.kind === 'failed' ? s.error : null,
      permanent: s.kind === 'failed' ? s.permanent : null,
      due_at: s.kind === 'held' ? s.until : s.kind === 'retry' ? s.nextAttemptAt : null,
      hold_reason: s.kind === 'held' ? s.reason : null,
      outbox_row: outcome ? this.outbox.rowOf(outcomeEnvelope(outcome)) : null,
    }));
    const rows: { id: string }[] = await this.dataSource.query(
      `WITH input AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(
           id uuid, lease_until timestamptz, kind text, attempt integer, started_at timestamptz,
           finished_at timestamptz, provider_message_id text, error text, permanent boolean, due_at timestamptz,
           hold_reason text, outbox_row jsonb)
       ),
       settled AS (
         UPDATE delivery d SET
           status = CASE WHEN i.kind IN ('held', 'retry') THEN 'pending' ELSE i.kind END,
           attempts = coalesce(i.attempt, d.attempts),
           due_at = CASE WHEN i.kind IN ('held', 'retry') THEN i.due_at ELSE d.due_at END,
           hold_reason = i.hold_reason,
           lease_until = NULL,
           provider_message_id = CASE WHEN i.kind = 'sent' THEN i.provider_message_id ELSE d.provider_message_id END,
           sent_at = CASE WHEN i.kind = 'sent' THEN i.finished_at ELSE d.sent_at END,
           error = CASE WHEN i.kind = 'held' THEN d.error ELSE i.error END,
           permanent = CASE WHEN i.kind = 'failed' THEN i.permanent ELSE d.permanent END,
           failed_at = CASE WHEN i.kind = 'failed' THEN i.finished_at ELSE d.failed_at END
         FROM input i
         -- A lease is set only while a delivery is sending, so the lease alone identifies its holder; looking
         -- rows up by id keeps the plan on the primary key whatever the statistics say about statuses.
         WHERE d.id = ANY($3::uuid[]) AND d.id = i.id AND d.lease_until = i.lease_until
         RETURNING d.id
       ),
       attempts AS (
         INSERT INTO delivery_attempt (delivery_id, attempt, started_at, finished_at, outcome, error,
           provider_message_id)
         SELECT id, attempt, started_at, finished_at, kind, error, provider_message_id
         FROM input JOIN settled USING (id) WHERE kind <> 'held'
       ),
       events AS (${this.outbox.insertSelect('input JOIN settled USING (id) WHERE outbox_row IS NOT NULL', 'outbox_row')}),
       wake AS MATERIALIZED (
         SELECT pg_notify($2, '') FROM input JOIN settled USING (id) WHERE outbox_row IS NOT NULL LIMIT 1
       )
       SELECT id FROM settled WHERE (SELECT count(*) FROM wake) >= 0`,
      [JSON.stringify(input), this.outbox.channel, items.map(({ delivery }) => delivery.id)],
    );
    const settled = new Set(rows.map((row) => row.id));
    return items.map(({ delivery }) => settled.has(delivery.id));
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

import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Assessment, Classification, Priority, Risk, RuleMatch, Urgency } from '../../domain/classification';
import { PinnedAssessment } from '../../domain/override';
import {
  AuditEntry,
  ClassificationRecord,
  ClassificationStore,
  ReopenRecord,
} from '../../application/ports/classification-store';

interface ClassificationRow {
  complaint_id: string;
  reference: string;
  revision: number;
  category: string;
  subcategory: string | null;
  urgency: Urgency;
  risk: Risk;
  priority: Priority;
  confidence: string;
  rule_set_version: string;
  matched_rules: RuleMatch[];
  signals: string[];
  channel: string;
  product: string | null;
  vulnerable: string[];
  customer_hash: string;
  received_at: Date;
  classified_at: Date;
  subject: string | null;
  description: string | null;
  amount_value: string | null;
  amount_currency: string | null;
  pinned: PinnedAssessment;
}

interface AuditRow {
  complaint_id: string;
  revision: number;
  action: AuditEntry['action'];
  actor_kind: AuditEntry['actor']['kind'];
  actor_id: string;
  reason: string | null;
  before: Assessment | null;
  after: Assessment;
  rule_set_version: string;
  occurred_at: Date;
}

const COLUMNS = `complaint_id, reference, revision, category, subcategory, urgency, risk, priority, confidence,
  rule_set_version, matched_rules, signals, channel, product, vulnerable, customer_hash, received_at, classified_at,
  subject, description, amount_value, amount_currency, pinned`;

@Injectable()
export class TypeormClassificationStore implements ClassificationStore {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insertFirst(em: EntityManager, record: ClassificationRecord): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO classification (${COLUMNS})
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23)
       ON CONFLICT (complaint_id) DO NOTHING RETURNING 1`,
      parameters(record),
    );
    return rows.length > 0;
  }

  async findForUpdate(em: EntityManager, complaintId: string): Promise<ClassificationRecord | null> {
    const [row]: ClassificationRow[] = await em.query(
      'SELECT * FROM classification WHERE complaint_id = $1 FOR UPDATE',
      [complaintId],
    );
    return row ? toRecord(row) : null;
  }

  async update(em: EntityManager, record: ClassificationRecord): Promise<void> {
    await em.query(
      `UPDATE classification SET (${COLUMNS}) =
         ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,$21,$22,$23)
       WHERE complaint_id = $1`,
      parameters(record),
    );
  }

  async find(complaintId: string): Promise<ClassificationRecord | null> {
    const [row]: ClassificationRow[] = await this.dataSource.query(
      'SELECT * FROM classification WHERE complaint_id = $1',
      [complaintId],
    );
    return row ? toRecord(row) : null;
  }

  async earlierComplaints(
    em: EntityManager,
    customerHash: string,
    receivedAt: Date,
    lookbackDays: number,
    excludeComplaintId: string,
  ): Promise<Date[]> {
    const rows: { received_at: Date }[] = await em.query(
      `SELECT received_at FROM classification
       WHERE customer_hash = $1 AND received_at < $2 AND received_at >= $2 - make_interval(days => $3)
         AND complaint_id <> $4
       ORDER BY received_at`,
      [customerHash, receivedAt, lookbackDays, excludeComplaintId],
    );
    return rows.map((r) => r.received_at);
  }

  async recordReopen(em: EntityManager, complaintId: string, reopen: ReopenRecord): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO complaint_reopen (complaint_id, version, occurred_at, reason) VALUES ($1, $2, $3, $4)
       ON CONFLICT DO NOTHING RETURNING 1`,
      [complaintId, reopen.version, reopen.occurredAt, reopen.reason ?? null],
    );
    return rows.length > 0;
  }

  async reopensOf(em: EntityManager, complaintId: string): Promise<ReopenRecord[]> {
    const rows: { version: number; occurred_at: Date; reason: string | null }[] = await em.query(
      'SELECT version, occurred_at, reason FROM complaint_reopen WHERE complaint_id = $1 ORDER BY version',
      [complaintId],
    );
    return rows.map((r) => ({
      version: r.version,
      occurredAt: r.occurred_at,
      ...(r.reason ? { reason: r.reason } : {}),
    }));
  }

  async appendAudit(em: EntityManager, entry: AuditEntry): Promise<void> {
    await em.query(
      `INSERT INTO classification_audit (complaint_id, revision, action, actor_kind, actor_id, reason, before, after,
         rule_set_version, occurred_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7::jsonb, $8::jsonb, $9, $10)`,
      [
        entry.complaintId,
        entry.revision,
        entry.action,
        entry.actor.kind,
        entry.actor.id,
        entry.reason ?? null,
        entry.before ? JSON.stringify(entry.before) : null,
        JSON.stringify(entry.after),
        entry.ruleSetVersion,
        entry.occurredAt,
      ],
    );
  }

  async history(complaintId: string): Promise<AuditEntry[]> {
    const rows: AuditRow[] = await this.dataSource.query(
      'SELECT * FROM classification_audit WHERE complaint_id = $1 ORDER BY revision',
      [complaintId],
    );
    return rows.map((r) => ({
      complaintId: r.complaint_id,
      revision: r.revision,
      action: r.action,
      actor: { kind: r.actor_kind, id: r.actor_id },
      ...(r.reason ? { reason: r.reason } : {}),
      ...(r.before ? { before: r.before } : {}),
      after: r.after,
      ruleSetVersion: r.rule_set_version,
      occurredAt: r.occurred_at,
    }));
  }
}

function parameters(r: ClassificationRecord): unknown[] {
  const c = r.result;
  return [
    r.complaintId,
    r.reference,
    r.revision,
    c.category,
    c.subcategory ?? null,
    c.urgency,
    c.risk,
    c.priority,
    c.confidence,
    c.ruleSetVersion,
    JSON.stringify(c.matchedRules),
    c.signals,
    r.facts.channel,
    r.facts.product ?? null,
    r.facts.vulnerable,
    r.facts.customerHash,
    r.facts.receivedAt,
    r.classifiedAt,
    r.facts.subject ?? null,
    r.facts.description ?? null,
    r.facts.amount?.value ?? null,
    r.facts.amount?.currency ?? null,
    JSON.stringify(r.pinned),
  ];
}

function toRecord(row: ClassificationRow): ClassificationRecord {
  const result: Classification = {
    category: row.category,
    ...(row.subcategory ? { subcategory: row.subcategory } : {}),
    urgency: row.urgency,
    risk: row.risk,
    priority: row.priority,
    confidence: Number(row.confidence),
    ruleSetVersion: row.rule_set_version,
    matchedRules: row.matched_rules,
    signals: row.signals,
  };
  return {
    complaintId: row.complaint_id,
    reference: row.reference,
    revision: row.revision,
    result,
    facts: {
      channel: row.channel,
      ...(row.product ? { product: row.product } : {}),
      ...(row.amount_value && row.amount_currency
        ? { amount: { value: row.amount_value, currency: row.amount_currency } }
        : {}),
      vulnerable: row.vulnerable,
      customerHash: row.customer_hash,
      receivedAt: row.received_at,
      ...(row.subject !== null ? { subject: row.subject } : {}),
      ...(row.description !== null ? { description: row.description } : {}),
    },
    pinned: row.pinned,
    classifiedAt: row.classified_at,
  };
}

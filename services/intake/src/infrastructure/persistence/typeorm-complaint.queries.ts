import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { EncryptedValue } from '@complaints/data-protection';
import {
  AuditEntry,
  ComplaintListFilter,
  ComplaintQueries,
  ComplaintSummary,
  ComplaintView,
} from '../../application/ports/complaint-queries';
import { PII_CIPHER, PiiCipher } from '../../application/ports/pii-protection';

interface ComplaintRow {
  id: string;
  reference: string;
  channel: string;
  external_ref: string | null;
  status: string;
  version: number;
  received_at: Date;
  updated_at: Date;
  customer_name: EncryptedValue;
  customer_phone: EncryptedValue | null;
  customer_email: EncryptedValue | null;
  customer_id_number: EncryptedValue | null;
  customer_number: EncryptedValue | null;
  segment: string;
  vulnerable: string[];
  preferred_language: string;
  contact_preference: string;
  subject: string;
  description: string;
  text_language: string;
  product: string | null;
  amount_value: string | null;
  amount_currency: string | null;
  occurred_at: Date | null;
  attachments: { name: string; url: string; sha256: string }[];
  regulatory_deadline_days: number;
  resolution: { outcome: string; summary: string; remedy: string | null } | null;
  satisfaction: number | null;
  feedback_comment: string | null;
  category: string | null;
  subcategory: string | null;
  urgency: string | null;
  risk: string | null;
  priority: string | null;
  team: string | null;
  level: string | null;
}

@Injectable()
export class TypeormComplaintQueries implements ComplaintQueries {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(PII_CIPHER) private readonly cipher: PiiCipher,
  ) {}

  async find(id: string): Promise<ComplaintView | null> {
    const [row]: ComplaintRow[] = await this.dataSource.query(
      `SELECT c.*, p.category, p.subcategory, p.urgency, p.risk, p.priority, p.team, p.level
       FROM complaint c LEFT JOIN complaint_projection p ON p.complaint_id = c.id WHERE c.id = $1`,
      [id],
    );
    return row ? this.toView(row) : null;
  }

  async list(filter: ComplaintListFilter): Promise<ComplaintSummary[]> {
    const rows: (Pick<ComplaintRow, 'id' | 'reference' | 'channel' | 'status' | 'received_at' | 'subject'> & {
      category: string | null;
      priority: string | null;
      team: string | null;
    })[] = await this.dataSource.query(
      `SELECT c.id, c.reference, c.channel, c.status, c.received_at, c.subject, p.category, p.priority, p.team
       FROM complaint c LEFT JOIN complaint_projection p ON p.complaint_id = c.id
       WHERE ($1::text IS NULL OR c.status = $1)
         AND ($2::text IS NULL OR p.category = $2)
         AND ($3::text IS NULL OR c.channel = $3)
         AND ($4::timestamptz IS NULL OR c.received_at >= $4)
         AND ($5::timestamptz IS NULL OR c.received_at < $5)
         AND ($6::timestamptz IS NULL OR (c.received_at, c.id) < ($6, $7::uuid))
       ORDER BY c.received_at DESC, c.id DESC
       LIMIT $8`,
      [
        filter.status ?? null,
        filter.category ?? null,
        filter.channel ?? null,
        filter.from ?? null,
        filter.to ?? null,
        filter.after?.receivedAt ?? null,
        filter.after?.id ?? null,
        filter.limit,
      ],
    );
    return rows.map((r) => ({
      id: r.id,
      reference: r.reference,
      channel: r.channel,
      status: r.status,
      receivedAt: r.received_at.toISOString(),
      subject: r.subject,
      category: r.category,
      priority: r.priority,
      team: r.team,
    }));
  }

  async audit(id: string): Promise<AuditEntry[] | null> {
    const exists: unknown[] = await this.dataSource.query('SELECT 1 FROM complaint WHERE id = $1', [id]);
    if (exists.length === 0) return null;
    const rows: {
      transition: string;
      from_status: string | null;
      to_status: string;
      actor: string;
      reason: string | null;
      details: Record<string, unknown>;
      occurred_at: Date;
    }[] = await this.dataSource.query(
      `SELECT transition, from_status, to_status, actor, reason, details, occurred_at
       FROM complaint_transition WHERE complaint_id = $1 ORDER BY id`,
      [id],
    );
    return rows.map((r) => ({
      transition: r.transition,
      from: r.from_status,
      to: r.to_status,
      actor: r.actor,
      reason: r.reason,
      details: r.details,
      occurredAt: r.occurred_at.toISOString(),
    }));
  }

  private toView(r: ComplaintRow): ComplaintView {
    const open = (value: EncryptedValue | null) => (value ? this.cipher.decrypt(value) : undefined);
    return {
      id: r.id,
      reference: r.reference,
      channel: r.channel,
      externalRef: r.external_ref,
      status: r.status,
      version: r.version,
      receivedAt: r.received_at.toISOString(),
      updatedAt: r.updated_at.toISOString(),
      customer: {
        name: this.cipher.decrypt(r.customer_name),
        phone: open(r.customer_phone),
        email: open(r.customer_email),
        idNumber: open(r.customer_id_number),
        customerId: open(r.customer_number),
        segment: r.segment,
        vulnerable: r.vulnerable,
        preferredLanguage: r.preferred_language,
        contactPreference: r.contact_preference,
      },
      subject: r.subject,
      description: r.description,
      textLanguage: r.text_language,
      product: r.product,
      amount:
        r.amount_value && r.amount_currency
          ? { value: trimDecimal(r.amount_value), currency: r.amount_currency }
          : null,
      occurredAt: r.occurred_at ? r.occurred_at.toISOString() : null,
      attachments: r.attachments,
      regulatoryDeadlineDays: r.regulatory_deadline_days,
      resolution: r.resolution,
      feedback:
        r.satisfaction !== null ? { satisfaction: r.satisfaction, comment: r.feedback_comment } : null,
      classification:
        r.category && r.urgency && r.risk && r.priority
          ? {
              category: r.category,
              subcategory: r.subcategory,
              urgency: r.urgency,
              risk: r.risk,
              priority: r.priority,
            }
          : null,
      assignment: r.team && r.level ? { team: r.team, level: r.level } : null,
    };
  }
}

/** numeric(19,4) comes back as "12000.0000"; the API answers with what the channel sent, e.g. "12000.00". */
function trimDecimal(value: string): string {
  return value.includes('.') ? value.replace(/0{1,2}$/, '').replace(/\.$/, '') : value;
}

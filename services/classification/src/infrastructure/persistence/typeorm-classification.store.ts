import { Inject, Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { ComplaintClassifiedV1 } from '@complaints/contracts';
import { ClassificationStore, StoredClassification } from '../../application/ports/classification-store';

interface ClassificationRow {
  complaint_id: string;
  reference: string;
  revision: number;
  category: string;
  subcategory: string | null;
  urgency: string;
  risk: string;
  priority: string;
  confidence: string;
  rule_set_version: string;
  matched_rules: { ruleId: string; matched: string }[];
  signals: string[];
  channel: string;
  product: string | null;
  vulnerable: string[];
  customer_hash: string;
  received_at: Date;
  classified_at: Date;
}

@Injectable()
export class TypeormClassificationStore implements ClassificationStore {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async insertFirst(em: EntityManager, c: ComplaintClassifiedV1, customerHash: string): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO classification (complaint_id, reference, revision, category, subcategory, urgency, risk, priority,
         confidence, rule_set_version, matched_rules, signals, channel, product, vulnerable, customer_hash,
         received_at, classified_at)
       VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18)
       ON CONFLICT (complaint_id) DO NOTHING RETURNING 1`,
      [
        c.complaintId,
        c.reference,
        c.revision,
        c.category,
        c.subcategory ?? null,
        c.urgency,
        c.risk,
        c.priority,
        c.confidence,
        c.ruleSetVersion,
        JSON.stringify(c.matchedRules),
        c.signals,
        c.channel,
        c.product ?? null,
        c.vulnerable,
        customerHash,
        c.receivedAt,
        c.classifiedAt,
      ],
    );
    return rows.length > 0;
  }

  async find(complaintId: string): Promise<StoredClassification | null> {
    const [row]: ClassificationRow[] = await this.dataSource.query(
      'SELECT * FROM classification WHERE complaint_id = $1',
      [complaintId],
    );
    if (!row) return null;
    return {
      complaintId: row.complaint_id,
      reference: row.reference,
      revision: row.revision,
      category: row.category,
      ...(row.subcategory ? { subcategory: row.subcategory } : {}),
      urgency: row.urgency,
      risk: row.risk,
      priority: row.priority,
      confidence: Number(row.confidence),
      ruleSetVersion: row.rule_set_version,
      matchedRules: row.matched_rules,
      signals: row.signals,
      channel: row.channel,
      ...(row.product ? { product: row.product } : {}),
      vulnerable: row.vulnerable,
      customerHash: row.customer_hash,
      receivedAt: row.received_at.toISOString(),
      classifiedAt: row.classified_at.toISOString(),
    } as StoredClassification;
  }
}

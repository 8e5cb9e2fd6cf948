import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClassificationFacts, ProjectionStore, RoutingFacts } from '../../application/ports/projection-store';

@Injectable()
export class TypeormProjectionStore implements ProjectionStore {
  async applyClassifications(em: EntityManager, facts: ClassificationFacts[]): Promise<void> {
    if (facts.length === 0) return;
    await em.query(
      `INSERT INTO complaint_projection (complaint_id, category, subcategory, urgency, risk, priority, classification_revision)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::int[])
       ON CONFLICT (complaint_id) DO UPDATE SET
         category = EXCLUDED.category, subcategory = EXCLUDED.subcategory, urgency = EXCLUDED.urgency,
         risk = EXCLUDED.risk, priority = EXCLUDED.priority, classification_revision = EXCLUDED.classification_revision,
         updated_at = now()
       WHERE complaint_projection.classification_revision IS NULL
          OR complaint_projection.classification_revision < EXCLUDED.classification_revision`,
      [
        facts.map((f) => f.complaintId),
        facts.map((f) => f.category),
        facts.map((f) => f.subcategory ?? null),
        facts.map((f) => f.urgency),
        facts.map((f) => f.risk),
        facts.map((f) => f.priority),
        facts.map((f) => f.revision),
      ],
    );
  }

  async applyRoutings(em: EntityManager, facts: RoutingFacts[]): Promise<void> {
    if (facts.length === 0) return;
    await em.query(
      `INSERT INTO complaint_projection (complaint_id, team, level, routed_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[])
       ON CONFLICT (complaint_id) DO UPDATE SET
         team = EXCLUDED.team, level = EXCLUDED.level, routed_at = EXCLUDED.routed_at, updated_at = now()
       WHERE complaint_projection.routed_at IS NULL OR complaint_projection.routed_at < EXCLUDED.routed_at`,
      [
        facts.map((f) => f.complaintId),
        facts.map((f) => f.team),
        facts.map((f) => f.level),
        facts.map((f) => f.at),
      ],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ClassificationFacts, ProjectionStore, RoutingFacts } from '../../application/ports/projection-store';

@Injectable()
export class TypeormProjectionStore implements ProjectionStore {
  async applyClassification(em: EntityManager, f: ClassificationFacts): Promise<void> {
    await em.query(
      `INSERT INTO complaint_projection (complaint_id, category, subcategory, urgency, risk, priority, classification_revision)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (complaint_id) DO UPDATE SET
         category = EXCLUDED.category, subcategory = EXCLUDED.subcategory, urgency = EXCLUDED.urgency,
         risk = EXCLUDED.risk, priority = EXCLUDED.priority, classification_revision = EXCLUDED.classification_revision,
         updated_at = now()
       WHERE complaint_projection.classification_revision IS NULL
          OR complaint_projection.classification_revision < EXCLUDED.classification_revision`,
      [f.complaintId, f.category, f.subcategory ?? null, f.urgency, f.risk, f.priority, f.revision],
    );
  }

  async applyRouting(em: EntityManager, f: RoutingFacts): Promise<void> {
    await em.query(
      `INSERT INTO complaint_projection (complaint_id, team, level, routed_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (complaint_id) DO UPDATE SET
         team = EXCLUDED.team, level = EXCLUDED.level, routed_at = EXCLUDED.routed_at, updated_at = now()
       WHERE complaint_projection.routed_at IS NULL OR complaint_projection.routed_at < EXCLUDED.routed_at`,
      [f.complaintId, f.team, f.level, f.at],
    );
  }
}

import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CounterKey, RiskStore, RiskWarning } from '../../application/ports/risk-store';
import { WindowCounts } from '../../domain/risk/risk-rates';

@Injectable()
export class TypeormRiskStore implements RiskStore {
  async count(em: EntityManager, k: CounterKey, hit: boolean): Promise<WindowCounts> {
    // The upsert takes the counter's row lock, so replicas counting the same window see each other's samples.
    const [row]: { hits: number; samples: number }[] = await em.query(
      `INSERT INTO risk_counter (dimension, key, metric, window_minutes, window_start, hits, samples)
       VALUES ($1, $2, $3, $4, $5, $6, 1)
       ON CONFLICT (dimension, key, metric, window_minutes, window_start) DO UPDATE SET
         hits = risk_counter.hits + EXCLUDED.hits, samples = risk_counter.samples + 1
       RETURNING hits, samples`,
      [k.dimension, k.key, k.metric, k.windowMinutes, k.windowStart, hit ? 1 : 0],
    );
    return { hits: row.hits, samples: row.samples };
  }

  async raise(em: EntityManager, w: RiskWarning): Promise<boolean> {
    const rows: unknown[] = await em.query(
      `INSERT INTO risk_warning (id, dimension, key, metric, measure, threshold_id, observed, threshold, window_start,
         window_end, sample_size, raised_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (dimension, key, metric, window_start, window_end) DO NOTHING RETURNING 1`,
      [
        w.id,
        w.dimension,
        w.key,
        w.metric,
        w.measure,
        w.thresholdId,
        w.observed,
        w.threshold,
        w.windowStart,
        w.windowEnd,
        w.sampleSize,
        w.raisedAt,
      ],
    );
    return rows.length > 0;
  }
}

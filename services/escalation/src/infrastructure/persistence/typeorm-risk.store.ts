import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CounterKey, RiskStore, RiskWarning } from '../../application/ports/risk-store';
import { WindowCounts } from '../../domain/risk/risk-rates';

/** How many raised warnings the store remembers before it starts over (they are looked up again, never lost). */
const KNOWN_WARNINGS_LIMIT = 10_000;

interface CounterRow {
  dimension: string;
  key: string;
  metric: string;
  window_minutes: number;
  window_start: Date;
  hits: number;
  samples: number;
}

/** One counter (or, with the window's end in place of its length, one warning's unique key) as a map key. */
const counterId = (dimension: string, key: string, metric: string, length: number, start: Date): string =>
  JSON.stringify([dimension, key, metric, length, start.getTime()]);

@Injectable()
export class TypeormRiskStore implements RiskStore {
  /**
   * Warnings this process has found already recorded. A window raises its warning once, but every later fact in
   * that window reaches the threshold too; remembering the recorded ones saves each of those a statement. Only a
   * warning another transaction committed is remembered, never one this transaction wrote, which could still roll
   * back.
   */
  private readonly knownWarnings = new Set<string>();

  async count(em: EntityManager, keys: CounterKey[], hit: boolean): Promise<WindowCounts[]> {
    if (keys.length === 0) return [];
    // One upsert for every window. Its rows are locked in the order given (dimension by dimension), the same in
    // every transaction, so two transactions never wait on each other in a cycle.
    const values: unknown[] = [hit ? 1 : 0];
    const tuples = keys.map((k) => {
      values.push(k.dimension, k.key, k.metric, k.windowMinutes, k.windowStart);
      const at = values.length - 4;
      return `($${at}, $${at + 1}, $${at + 2}, $${at + 3}::int, $${at + 4}::timestamptz, $1::int, 1)`;
    });
    const rows: CounterRow[] = await em.query(
      `INSERT INTO risk_counter (dimension, key, metric, window_minutes, window_start, hits, samples)
       VALUES ${tuples.join(', ')}
       ON CONFLICT (dimension, key, metric, window_minutes, window_start) DO UPDATE SET
         hits = risk_counter.hits + EXCLUDED.hits, samples = risk_counter.samples + 1
       RETURNING dimension, key, metric, window_minutes, window_start, hits, samples`,
      values,
    );
    // RETURNING promises no order: match the rows to the keys.
    const byId = new Map(
      rows.map((r) => [
        counterId(r.dimension, r.key, r.metric, r.window_minutes, r.window_start),
        { hits: r.hits, samples: r.samples },
      ]),
    );
    return keys.map((k) => {
      const counts = byId.get(counterId(k.dimension, k.key, k.metric, k.windowMinutes, k.windowStart));
      if (!counts) throw new Error(`risk counter ${k.dimension}/${k.key}/${k.metric} was not returned`);
      return counts;
    });
  }

  async raise(em: EntityManager, w: RiskWarning): Promise<boolean> {
    const id = counterId(w.dimension, w.key, w.metric, w.windowEnd.getTime(), w.windowStart);
    if (this.knownWarnings.has(id)) return false;
    // `committed` tells a warning another transaction recorded (safe to remember) from one this transaction wrote
    // for an earlier event of the same batch (not safe: it rolls back if the transaction does).
    const [row]: { raised: boolean; committed: boolean }[] = await em.query(
      `WITH raised AS (
         INSERT INTO risk_warning (id, dimension, key, metric, measure, threshold_id, observed, threshold,
           window_start, window_end, sample_size, raised_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
         ON CONFLICT (dimension, key, metric, window_start, window_end) DO NOTHING RETURNING 1)
       SELECT EXISTS (SELECT 1 FROM raised) AS raised,
              EXISTS (SELECT 1 FROM risk_warning
                      WHERE dimension = $2 AND key = $3 AND metric = $4 AND window_start = $9 AND window_end = $10
                        AND xmin <> pg_current_xact_id()::xid) AS committed`,
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
    if (row.raised) return true;
    if (row.committed) {
      if (this.knownWarnings.size >= KNOWN_WARNINGS_LIMIT) this.knownWarnings.clear();
      this.knownWarnings.add(id);
    }
    return false;
  }
}

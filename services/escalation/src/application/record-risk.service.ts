import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { RISK_WARNING_RAISED } from '@complaints/contracts';
import { Metrics } from '@complaints/observability';
import { Observed } from '../domain/case/case-effects';
import { Clock, CLOCK } from '../domain/clock';
import { RISK_DIMENSIONS, RiskPolicy, RiskThreshold } from '../domain/matrix/escalation-matrix';
import { measure, reached, thresholdsFor, windowOf } from '../domain/risk/risk-rates';
import { EventSink } from './ports/event-sink';
import { CounterKey, RISK_STORE, RiskStore, RiskWarning } from './ports/risk-store';

/**
 * Counts a fact (a complaint, a breach, a satisfaction score) in the windows its category, channel and team are
 * watched over, and raises risk.warning-raised when a window reaches its threshold: once per window, however many
 * facts follow and however many replicas count them (the warning's unique key decides).
 */
@Injectable()
export class RecordRiskService {
  constructor(
    @Inject(RISK_STORE) private readonly store: RiskStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(Metrics) private readonly metrics: Metrics,
  ) {}

  async observe(em: EntityManager, fact: Observed, policy: RiskPolicy, sink: EventSink): Promise<void> {
    const watched: { key: CounterKey; thresholds: RiskThreshold[]; windowEnd: Date }[] = [];
    for (const dimension of RISK_DIMENSIONS) {
      const key = fact.dimensions[dimension];
      const thresholds = thresholdsFor(policy.thresholds, dimension, key, fact.metric);
      for (const windowMinutes of new Set(thresholds.map((t) => t.windowMinutes))) {
        const window = windowOf(fact.at, windowMinutes);
        watched.push({
          key: { dimension, key, metric: fact.metric, windowMinutes, windowStart: window.start },
          thresholds: thresholds.filter((t) => t.windowMinutes === windowMinutes),
          windowEnd: window.end,
        });
      }
    }
    if (watched.length === 0) return;
    const counts = await this.store.count(
      em,
      watched.map((w) => w.key),
      fact.hit,
    );
    for (const [i, { key, thresholds, windowEnd }] of watched.entries()) {
      for (const threshold of thresholds) {
        if (!reached(threshold, counts[i])) continue;
        await this.raise(em, sink, {
          id: randomUUID(),
          dimension: key.dimension,
          key: key.key,
          metric: key.metric,
          measure: threshold.measure,
          thresholdId: threshold.id,
          observed: measure(threshold, counts[i]) as number,
          threshold: threshold.threshold,
          windowStart: key.windowStart,
          windowEnd,
          sampleSize: samplesOf(threshold, counts[i]),
          raisedAt: this.clock.now(),
        });
      }
    }
  }

  private async raise(em: EntityManager, sink: EventSink, warning: RiskWarning): Promise<void> {
    if (!(await this.store.raise(em, warning))) return;
    this.metrics
      .counter('risk_warnings_total', 'Risk warnings raised, by dimension and metric', [
        'dimension',
        'metric',
      ])
      .inc({ dimension: warning.dimension, metric: warning.metric });
    await sink.emit({
      type: RISK_WARNING_RAISED,
      subject: `risk:${warning.dimension}:${warning.key}`,
      data: {
        warningId: warning.id,
        dimension: warning.dimension,
        key: warning.key,
        metric: warning.metric,
        measure: warning.measure,
        thresholdId: warning.thresholdId,
        observed: warning.observed,
        threshold: warning.threshold,
        windowStart: warning.windowStart.toISOString(),
        windowEnd: warning.windowEnd.toISOString(),
        sampleSize: warning.sampleSize,
        raisedAt: warning.raisedAt.toISOString(),
      },
    });
  }
}

/** What the measure was judged on: every sample for a share, the hits for a count. */
function samplesOf(threshold: RiskThreshold, counts: { hits: number; samples: number }): number {
  return threshold.measure === 'share' ? counts.samples : counts.hits;
}

import { EntityManager } from 'typeorm';
import { RiskDimension, RiskMeasure, RiskMetric } from '../../domain/matrix/escalation-matrix';
import { WindowCounts } from '../../domain/risk/risk-rates';

export interface CounterKey {
  dimension: RiskDimension;
  key: string;
  metric: RiskMetric;
  windowMinutes: number;
  windowStart: Date;
}

export interface RiskWarning {
  id: string;
  dimension: RiskDimension;
  key: string;
  metric: RiskMetric;
  measure: RiskMeasure;
  thresholdId: string;
  observed: number;
  threshold: number;
  windowStart: Date;
  windowEnd: Date;
  sampleSize: number;
  raisedAt: Date;
}

export interface RiskStore {
  /**
   * Adds one sample (a hit or not) to each window's counter, in one statement, and returns the counts after it,
   * atomically, in the order of `keys` (the keys must differ).
   */
  count(em: EntityManager, keys: CounterKey[], hit: boolean): Promise<WindowCounts[]>;
  /** Records the warning unless its window already has one; true when this call raised it. */
  raise(em: EntityManager, warning: RiskWarning): Promise<boolean>;
}

export const RISK_STORE = Symbol('RiskStore');

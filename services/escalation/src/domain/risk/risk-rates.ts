import { ANY_KEY, RiskDimension, RiskMetric, RiskThreshold } from '../matrix/escalation-matrix';

export interface RiskWindow {
  start: Date;
  end: Date;
}

/** Counts of one metric for one dimension key in one window. */
export interface WindowCounts {
  /** Samples that count as trouble: complaints, breaches, low scores. */
  hits: number;
  /** All samples: for low-satisfaction every score, for the others the same as hits. */
  samples: number;
}

/**
 * The fixed window holding `at`: windows are back to back and aligned to the UTC epoch, so every replica agrees
 * on them and a window can be named by its start (the warning is raised once per window).
 */
export function windowOf(at: Date, windowMinutes: number): RiskWindow {
  const length = windowMinutes * 60_000;
  const start = Math.floor(at.getTime() / length) * length;
  return { start: new Date(start), end: new Date(start + length) };
}

/**
 * The thresholds that watch a metric for one key of a dimension: the key's own thresholds when it has any,
 * otherwise the ones for every key (`*`).
 */
export function thresholdsFor(
  thresholds: RiskThreshold[],
  dimension: RiskDimension,
  key: string,
  metric: RiskMetric,
): RiskThreshold[] {
  const watching = thresholds.filter((t) => t.dimension === dimension && t.metric === metric);
  const own = watching.filter((t) => t.key === key);
  return own.length > 0 ? own : watching.filter((t) => t.key === ANY_KEY);
}

/** The measured value of a window, or null while a share has too few samples to judge. */
export function measure(threshold: RiskThreshold, counts: WindowCounts): number | null {
  if (threshold.measure === 'count') return counts.hits;
  if (counts.samples < threshold.minimumSample || counts.samples === 0) return null;
  return counts.hits / counts.samples;
}

/** Whether the window's measure has reached the threshold. */
export function reached(threshold: RiskThreshold, counts: WindowCounts): boolean {
  const value = measure(threshold, counts);
  return value !== null && value >= threshold.threshold;
}

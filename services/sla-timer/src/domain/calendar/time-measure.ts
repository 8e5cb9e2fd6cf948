/** How a clock counts time: every millisecond (24x7) or only working time of a calendar. */
export interface TimeMeasure {
  /** The instant at which `ms` of counted time has passed since `from`. */
  add(from: Date, ms: number): Date;
  /** Counted time between two instants; 0 when `to` is not after `from`. */
  between(from: Date, to: Date): number;
}

export const CONTINUOUS_TIME: TimeMeasure = {
  add: (from, ms) => new Date(from.getTime() + ms),
  between: (from, to) => Math.max(0, to.getTime() - from.getTime()),
};

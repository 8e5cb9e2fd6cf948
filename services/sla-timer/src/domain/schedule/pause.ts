/** A span in which a clock did not count; `to` is absent while the clock is still paused. */
export interface Pause {
  from: Date;
  to?: Date;
}

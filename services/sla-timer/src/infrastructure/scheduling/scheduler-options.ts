export interface SchedulerOptions {
  /** Whether it starts with the application (a replica may serve the API and consume without firing). */
  autoStart: boolean;
  /** Recorded on each timer it fires (timer.fired_by). */
  instanceId: string;
  /** Timers claimed per transaction: short transactions keep locks brief and lateness low. */
  batchSize: number;
  /**
   * The longest sleep without a notification: a safety net for a NOTIFY missed while the listener reconnects.
   * Timers are found by sleeping until the next one is due, not by this.
   */
  maxSleepMs: number;
  /** The pause before looking again at due timers another replica or a consumer is holding. */
  contendedRetryMs: number;
  /** Connection for LISTEN (same database and role as the DataSource). */
  databaseUrl: string;
  schema: string;
}

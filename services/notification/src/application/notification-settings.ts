import { QuietHours } from '../domain/quiet-hours';
import { RetryPolicy } from '../domain/retry-policy';

/** Operational settings from the environment (NotificationEnv), validated at start-up. */
export interface NotificationSettings {
  quietHours: QuietHours | null;
  retry: RetryPolicy;
  /** The time zone dates and times in messages are shown in. */
  displayTimeZone: string;
  surveyUrl: string;
  worker: {
    batchSize: number;
    /** How long a claimed delivery is reserved for the worker that claimed it (longer than any send). */
    leaseMs: number;
    /** Fallback poll when no wake-up arrives. */
    pollIntervalMs: number;
  };
}

export const NOTIFICATION_SETTINGS = Symbol('NotificationSettings');

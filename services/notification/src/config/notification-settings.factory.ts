import { NotificationSettings } from '../application/notification-settings';
import { parseQuietHours } from '../domain/quiet-hours';
import { NotificationEnv } from './notification.env';

/** The validated environment as the application's settings; an impossible combination fails at start-up. */
export function settingsFrom(env: NotificationEnv): NotificationSettings {
  if (env.DELIVERY_LEASE_MS <= env.SEND_TIMEOUT_MS) {
    throw new Error(
      'DELIVERY_LEASE_MS must be longer than SEND_TIMEOUT_MS, or a slow send could be sent twice',
    );
  }
  new Intl.DateTimeFormat('en-GB', { timeZone: env.DISPLAY_TIME_ZONE });
  return {
    quietHours: parseQuietHours(env.QUIET_HOURS, env.QUIET_HOURS_TIME_ZONE),
    retry: {
      maxAttempts: env.DELIVERY_MAX_ATTEMPTS,
      baseDelayMs: env.DELIVERY_RETRY_BASE_MS,
      maxDelayMs: env.DELIVERY_RETRY_MAX_MS,
    },
    displayTimeZone: env.DISPLAY_TIME_ZONE,
    surveyUrl: env.SURVEY_URL,
    worker: {
      batchSize: env.DELIVERY_BATCH_SIZE,
      leaseMs: env.DELIVERY_LEASE_MS,
      pollIntervalMs: env.DELIVERY_POLL_INTERVAL_MS,
    },
  };
}

/** `name:secret,name:secret` as a map; the secret may itself contain colons. */
export function webhookSecretsFrom(env: NotificationEnv): Map<string, string> {
  const secrets = new Map<string, string>();
  for (const pair of (env.WEBHOOK_SECRETS ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf(':');
    secrets.set(pair.slice(0, at), pair.slice(at + 1));
  }
  return secrets;
}

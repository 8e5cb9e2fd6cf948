import { baseServiceEnv, testKeyRing } from '@complaints/testing';
import { NotificationEnv } from '../../src/config/notification.env';

export const CONTACT_KEYS = testKeyRing('contact-test');
export const OPS_TOOL_SECRET = 'ops-tool-signing-secret-7f3a9c';

/** The service's configuration for a spec: real SMTP and HTTP test servers, short retries, fast polling. */
export function notificationTestEnv(
  databaseUrl: string,
  servers: { smtpPort: number; smsGatewayUrl: string },
  overrides: Partial<NotificationEnv> = {},
): NotificationEnv {
  return Object.assign(new NotificationEnv(), baseServiceEnv(databaseUrl), {
    CONTACT_KEYS: CONTACT_KEYS.spec,
    CONTACT_ACTIVE_KEY: CONTACT_KEYS.id,
    SMTP_HOST: '127.0.0.1',
    SMTP_PORT: servers.smtpPort,
    SMS_GATEWAY_URL: `${servers.smsGatewayUrl}/v1/sms`,
    WEBHOOK_SECRETS: `ops-tool:${OPS_TOOL_SECRET}`,
    QUIET_HOURS: '',
    SEND_TIMEOUT_MS: 5000,
    DELIVERY_MAX_ATTEMPTS: 3,
    DELIVERY_RETRY_BASE_MS: 200,
    DELIVERY_RETRY_MAX_MS: 1000,
    DELIVERY_LEASE_MS: 30000,
    DELIVERY_POLL_INTERVAL_MS: 100,
    ...overrides,
  });
}

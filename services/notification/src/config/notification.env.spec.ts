import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readEnv } from '@complaints/config';
import { NotificationEnv } from './notification.env';
import { settingsFrom, webhookSecretsFrom } from './notification-settings.factory';

const required = {
  PORT: '3005',
  DATABASE_URL: 'postgres://notification_svc@127.0.0.1:5432/complaints',
  KAFKA_BROKERS: '127.0.0.1:9092',
  CONTACT_KEYS: `local-contact-1:${randomBytes(32).toString('base64')}`,
  CONTACT_ACTIVE_KEY: 'local-contact-1',
};

describe('notification configuration', () => {
  it('starts a local stack with only the variables every service has: messages to the log, quiet hours on', () => {
    // Given only the required variables, When read, Then the defaults are safe for local use
    const env = readEnv(NotificationEnv, required);
    expect(env.SMTP_HOST).toBeUndefined();
    expect(env.SMS_GATEWAY_URL).toBeUndefined();
    const settings = settingsFrom(env);
    expect(settings.quietHours).toEqual({
      startMinute: 21 * 60,
      endMinute: 8 * 60,
      timeZone: 'Asia/Shanghai',
    });
    expect(settings.retry).toEqual({ maxAttempts: 6, baseDelayMs: 30000, maxDelayMs: 3600000 });
  });

  it('reads numbers, and webhook secrets that contain colons', () => {
    const env = readEnv(NotificationEnv, {
      ...required,
      SMTP_HOST: 'smtp.bank.example',
      SMTP_PORT: '465',
      DELIVERY_MAX_ATTEMPTS: '3',
      WEBHOOK_SECRETS: 'ops-tool:abc:def:0123456789abcdef,leads:fedcba9876543210',
    });
    expect(env.SMTP_PORT).toBe(465);
    expect(settingsFrom(env).retry.maxAttempts).toBe(3);
    expect(webhookSecretsFrom(env)).toEqual(
      new Map([
        ['ops-tool', 'abc:def:0123456789abcdef'],
        ['leads', 'fedcba9876543210'],
      ]),
    );
  });

  it('names a bad variable without ever printing a secret value', () => {
    // Given a webhook secret too short to be safe and a bad SMS gateway URL
    const read = () =>
      readEnv(NotificationEnv, {
        ...required,
        WEBHOOK_SECRETS: 'ops:tooshort-secret',
        SMS_GATEWAY_URL: 'gateway',
      });
    // Then start-up fails listing both, and the secret is nowhere in the message
    const message = errorMessageOf(read);
    expect(message).toContain('WEBHOOK_SECRETS');
    expect(message).toContain('SMS_GATEWAY_URL');
    expect(message).not.toContain('tooshort-secret');
  });

  it('refuses a lease shorter than the send timeout, which could send a slow message twice', () => {
    const env = readEnv(NotificationEnv, {
      ...required,
      SEND_TIMEOUT_MS: '60000',
      DELIVERY_LEASE_MS: '30000',
    });
    expect(() => settingsFrom(env)).toThrow('DELIVERY_LEASE_MS');
  });
});

function errorMessageOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return String(error);
  }
  return 'no error';
}

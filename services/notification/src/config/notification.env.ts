import { IsIn, IsInt, IsOptional, IsString, Matches, Max, Min, ValidateIf } from 'class-validator';
import { ServiceEnv } from '@complaints/config';

const KEY_RING = /^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/;
const WEBHOOK_SECRETS = /^[A-Za-z0-9_-]+:[^,\s]{16,}(,[A-Za-z0-9_-]+:[^,\s]{16,})*$/;

/**
 * The notification service's configuration. Every value has a safe local default: without SMTP_HOST e-mails and
 * without SMS_GATEWAY_URL text messages go to the log (masked), so a development stack never contacts a real
 * customer. Secrets (SMTP_PASSWORD, SMS_GATEWAY_TOKEN, WEBHOOK_SECRETS, CONTACT_KEYS) are never logged: a
 * validation error names the variable, never its value.
 */
export class NotificationEnv extends ServiceEnv {
  /** The key ring intake seals contact details with (`id:base64` pairs); only this service may hold it. */
  @Matches(KEY_RING, { message: 'CONTACT_KEYS must be id:base64 pairs of 32-byte keys' })
  CONTACT_KEYS!: string;
  /** Any key of the ring (this service only decrypts; the active key matters to intake). */
  @IsString() CONTACT_ACTIVE_KEY!: string;

  /** SMTP relay for e-mail; unset: e-mail is written to the log instead of sent. */
  @IsOptional() @IsString() SMTP_HOST?: string;
  @IsOptional() @IsInt() @Min(1) @Max(65535) SMTP_PORT: number = 587;
  /** `true` for implicit TLS (usually port 465); otherwise STARTTLS is used when the server offers it. */
  @IsOptional() @IsIn(['true', 'false']) SMTP_SECURE: string = 'false';
  /** `true` to refuse sending unless the connection is upgraded to TLS (production). */
  @IsOptional() @IsIn(['true', 'false']) SMTP_REQUIRE_TLS: string = 'false';
  @IsOptional() @IsString() SMTP_USER?: string;
  @IsOptional() @IsString() SMTP_PASSWORD?: string;
  @IsOptional() @IsString() SMTP_FROM: string = 'Complaints <complaints@bank.example>';

  /** The SMS gateway's send endpoint; unset: text messages are written to the log instead of sent. */
  @ValidateIf((env: NotificationEnv) => !!env.SMS_GATEWAY_URL)
  @Matches(/^https?:\/\/\S+$/, { message: 'SMS_GATEWAY_URL must be an http(s) URL' })
  SMS_GATEWAY_URL?: string;
  @IsOptional() @IsString() SMS_GATEWAY_TOKEN?: string;

  /** Webhook signing secrets, `name:secret` pairs (16+ characters each); staff directory entries name one. */
  @ValidateIf((env: NotificationEnv) => !!env.WEBHOOK_SECRETS)
  @Matches(WEBHOOK_SECRETS, {
    message: 'WEBHOOK_SECRETS must be name:secret pairs, secrets of 16+ characters',
  })
  WEBHOOK_SECRETS?: string;

  /** Longest wait for a provider (SMTP, SMS gateway, webhook) per attempt. */
  @IsOptional() @IsInt() @Min(100) SEND_TIMEOUT_MS: number = 10000;

  /** Local quiet hours for non-urgent customer SMS, `HH:MM-HH:MM`; empty for none. */
  @IsOptional()
  @Matches(/^$|^([01]\d|2[0-3]):[0-5]\d-([01]\d|2[0-3]):[0-5]\d$/, {
    message: 'QUIET_HOURS must look like 21:00-08:00, or be empty',
  })
  QUIET_HOURS: string = '21:00-08:00';
  @IsOptional() @IsString() QUIET_HOURS_TIME_ZONE: string = 'Asia/Shanghai';
  /** The time zone dates and times in messages are written in. */
  @IsOptional() @IsString() DISPLAY_TIME_ZONE: string = 'Asia/Shanghai';

  /** Attempts per delivery before it fails for good (transient failures only; permanent ones stop at once). */
  @IsOptional() @IsInt() @Min(1) @Max(100) DELIVERY_MAX_ATTEMPTS: number = 6;
  /** First retry delay; each later one doubles, with jitter, up to DELIVERY_RETRY_MAX_MS. */
  @IsOptional() @IsInt() @Min(10) DELIVERY_RETRY_BASE_MS: number = 30000;
  @IsOptional() @IsInt() @Min(10) DELIVERY_RETRY_MAX_MS: number = 3600000;
  @IsOptional() @IsInt() @Min(1) @Max(500) DELIVERY_BATCH_SIZE: number = 20;
  /** How long a worker holds a delivery it is sending; must exceed SEND_TIMEOUT_MS. */
  @IsOptional() @IsInt() @Min(1000) DELIVERY_LEASE_MS: number = 120000;
  /** Fallback poll for due retries when no wake-up arrives. */
  @IsOptional() @IsInt() @Min(10) DELIVERY_POLL_INTERVAL_MS: number = 1000;

  /** The satisfaction survey page linked from the result message (the complaint reference is added as `ref`). */
  @IsOptional()
  @Matches(/^https?:\/\/\S+$/, { message: 'SURVEY_URL must be an http(s) URL' })
  SURVEY_URL: string = 'https://survey.bank.example/complaints';
}

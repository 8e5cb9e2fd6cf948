import { IsBoolean, IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Min } from 'class-validator';
import {
  AUDIENCES,
  Audience,
  LANGUAGES,
  Language,
  NOTIFICATION_CHANNELS,
  NotificationChannel,
} from '../vocabulary/vocabulary';
import { IsUtcTimestamp } from '../vocabulary/utc-timestamp';

/** Which message, to whom (masked), through what, and what caused it. */
export class DeliveryFields {
  @IsUUID() notificationId!: string;
  @IsUUID() complaintId!: string;
  @IsUUID() triggerEventId!: string;
  @IsString() @Length(1, 100) triggerType!: string;
  @IsIn(AUDIENCES) audience!: Audience;
  @IsIn(NOTIFICATION_CHANNELS) channel!: NotificationChannel;
  @IsString() @Length(1, 100) templateId!: string;
  /** The version of the template set the message was rendered from (templates change over the API). */
  @IsOptional() @IsInt() @Min(1) templateVersion?: number;
  @IsIn(LANGUAGES) language!: Language;
  /** Masked address only (e.g. 138****5678, z***@example.com); never the clear address. */
  @IsString() @Length(1, 320) recipient!: string;
  @IsInt() @Min(1) attempts!: number;
}

export const NOTIFICATION_SENT = 'notification.sent' as const;
export class NotificationSentV1 extends DeliveryFields {
  @IsUtcTimestamp() sentAt!: string;
}

export const NOTIFICATION_FAILED = 'notification.failed' as const;
export class NotificationFailedV1 extends DeliveryFields {
  @IsString() @Length(1, 2000) error!: string;
  /** True when no retry can help (bad address, rejected content); false when retries ran out. */
  @IsBoolean() permanent!: boolean;
  @IsUtcTimestamp() failedAt!: string;
}

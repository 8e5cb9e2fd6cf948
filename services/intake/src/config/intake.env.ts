import { IsOptional, IsString, Matches } from 'class-validator';
import { ServiceEnv } from '@complaints/config';

const KEY_RING = /^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/;

export class IntakeEnv extends ServiceEnv {
  /** Key ring for personal data at rest: `id:base64(32 bytes)`, comma-separated. */
  @Matches(KEY_RING, { message: 'PII_KEYS must be id:base64 pairs of 32-byte keys' }) PII_KEYS!: string;
  @IsString() PII_ACTIVE_KEY!: string;
  /** Key ring shared with the notification service only, to seal contact details on complaint.received. */
  @Matches(KEY_RING, { message: 'CONTACT_KEYS must be id:base64 pairs of 32-byte keys' })
  CONTACT_KEYS!: string;
  @IsString() CONTACT_ACTIVE_KEY!: string;
  /** base64 HMAC key for the customer hash used in repeat-complaint detection. */
  @Matches(/^[A-Za-z0-9+/=]{43,}$/, { message: 'CUSTOMER_HASH_KEY must be at least 32 bytes of base64' })
  CUSTOMER_HASH_KEY!: string;
  /** The time zone whose date goes into complaint references. */
  @IsOptional() @IsString() REFERENCE_TIME_ZONE: string = 'Asia/Shanghai';
}

import { IsString, Matches } from 'class-validator';
import { ServiceEnv } from '@complaints/config';

export class NotificationEnv extends ServiceEnv {
  /** The key ring intake seals contact details with (`id:base64` pairs); only this service may hold it. */
  @Matches(/^[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44}(,[A-Za-z0-9_-]+:[A-Za-z0-9+/=]{43,44})*$/, {
    message: 'CONTACT_KEYS must be id:base64 pairs of 32-byte keys',
  })
  CONTACT_KEYS!: string;
  /** Any key of the ring (this service only decrypts; the active key matters to intake). */
  @IsString() CONTACT_ACTIVE_KEY!: string;
}

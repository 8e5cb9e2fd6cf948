import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBase64,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { Money } from '../vocabulary/common-data';
import {
  CHANNELS,
  Channel,
  CONTACT_PREFERENCES,
  ContactPreference,
  CUSTOMER_SEGMENTS,
  CustomerSegment,
  LANGUAGES,
  Language,
  VULNERABILITIES,
  Vulnerability,
} from '../vocabulary/vocabulary';
import { IsUtcTimestamp } from '../vocabulary/utc-timestamp';

export const COMPLAINT_RECEIVED = 'complaint.received' as const;

/** The customer as downstream consumers may see them: masked values only, never clear-text PII. */
export class MaskedCustomer {
  @IsString() @Length(1, 200) maskedName!: string;
  @IsOptional() @IsString() @Length(1, 50) maskedPhone?: string;
  @IsOptional() @IsString() @Length(1, 320) maskedEmail?: string;
  @IsIn(CUSTOMER_SEGMENTS) segment!: CustomerSegment;
  @IsArray() @ArrayMaxSize(10) @IsIn(VULNERABILITIES, { each: true }) vulnerable!: Vulnerability[];
  @IsIn(LANGUAGES) preferredLanguage!: Language;
  @IsIn(CONTACT_PREFERENCES) contactPreference!: ContactPreference;
  /** Keyed hash (HMAC-SHA256) of the customer identity: repeat detection without the identity. */
  @Matches(/^[0-9a-f]{64}$/) customerHash!: string;
}

/**
 * The customer's contact details encrypted (AES-256-GCM) for the notification service, the only service that holds
 * the key. `keyId` names the key so keys can rotate; the plaintext is JSON {name, phone?, email?}.
 */
export class EncryptedContact {
  @IsIn(['AES-256-GCM']) alg!: 'AES-256-GCM';
  @IsString() @Length(1, 64) keyId!: string;
  @IsBase64() iv!: string;
  @IsBase64() tag!: string;
  @IsBase64() ciphertext!: string;
}

export class AttachmentRef {
  @IsString() @Length(1, 255) name!: string;
  @IsString() @Length(1, 2048) url!: string;
  @Matches(/^[0-9a-f]{64}$/) sha256!: string;
}

export class ComplaintReceivedV1 {
  @IsUUID() complaintId!: string;
  @Matches(/^CMP-\d{8}-\d{6,}$/) reference!: string;
  @IsIn(CHANNELS) channel!: Channel;
  @IsOptional() @IsString() @Length(1, 200) externalRef?: string;
  @IsUtcTimestamp() receivedAt!: string;
  @IsObject() @ValidateNested() @Type(() => MaskedCustomer) customer!: MaskedCustomer;
  @IsObject() @ValidateNested() @Type(() => EncryptedContact) contact!: EncryptedContact;
  /** Subject and description with personal identifiers (phone, ID, card, account numbers, e-mails) masked. */
  @IsString() @Length(1, 500) subject!: string;
  @IsString() @Length(1, 10000) description!: string;
  /** The language the text is written in, detected at intake. */
  @IsIn(['zh', 'en']) textLanguage!: 'zh' | 'en';
  @IsOptional() @IsString() @Length(1, 200) product?: string;
  @IsOptional() @IsObject() @ValidateNested() @Type(() => Money) amount?: Money;
  @IsOptional() @IsUtcTimestamp() occurredAt?: string;
  @IsArray()
  @ArrayMaxSize(20)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => AttachmentRef)
  attachments!: AttachmentRef[];
  @IsInt() @Min(1) version!: number;
}

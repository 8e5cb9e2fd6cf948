import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsISO8601,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
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
} from '@complaints/contracts';

export class CustomerRequest {
  @ApiProperty({ maxLength: 100 }) @IsString() @Length(1, 100) name!: string;
  @ApiPropertyOptional({ example: '+86 138 0013 8000' })
  @IsOptional()
  @Matches(/^\+?[0-9][0-9 -]{5,23}$/, {
    message: 'phone must be digits, spaces or dashes, optionally starting with +',
  })
  phone?: string;
  @ApiPropertyOptional() @IsOptional() @IsEmail() @Length(3, 254) email?: string;
  @ApiPropertyOptional({ description: 'National ID or passport number' })
  @IsOptional()
  @Matches(/^[0-9A-Za-z-]{5,30}$/)
  idNumber?: string;
  @ApiPropertyOptional({ description: "The institution's own customer number" })
  @IsOptional()
  @Matches(/^[0-9A-Za-z-]{1,40}$/)
  customerId?: string;
  @ApiProperty({ enum: CUSTOMER_SEGMENTS }) @IsIn(CUSTOMER_SEGMENTS) segment!: CustomerSegment;
  @ApiPropertyOptional({ enum: VULNERABILITIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(VULNERABILITIES.length)
  @IsIn(VULNERABILITIES, { each: true })
  vulnerable?: Vulnerability[];
  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES) preferredLanguage!: Language;
  @ApiProperty({ enum: CONTACT_PREFERENCES })
  @IsIn(CONTACT_PREFERENCES)
  contactPreference!: ContactPreference;
}

export class MoneyRequest {
  @ApiProperty({ example: '12000.00' })
  @Matches(/^\d{1,15}(\.\d{1,4})?$/, {
    message: 'value must be a non-negative decimal string, e.g. 12000.00',
  })
  value!: string;
  @ApiProperty({ example: 'CNY' })
  @Matches(/^[A-Z]{3}$/, { message: 'currency must be an ISO 4217 code' })
  currency!: string;
}

export class AttachmentRequest {
  @ApiProperty() @IsString() @Length(1, 255) name!: string;
  @ApiProperty() @Matches(/^https:\/\/\S{1,2040}$/, { message: 'url must be an https URL' }) url!: string;
  @ApiProperty()
  @Matches(/^[0-9a-f]{64}$/, { message: 'sha256 must be 64 lower-case hex digits' })
  sha256!: string;
}

/** POST /v1/complaints body. Unknown fields are rejected; every field error is reported at once. */
export class RegisterComplaintRequest {
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: Channel;
  @ApiPropertyOptional({ description: "The channel's own id for the complaint; unique per channel" })
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,100}$/, { message: 'externalRef must be 1-100 printable ASCII characters' })
  externalRef?: string;
  @ApiProperty({ type: CustomerRequest })
  @ValidateNested()
  @Type(() => CustomerRequest)
  customer!: CustomerRequest;
  @ApiProperty({ maxLength: 200 }) @IsString() @Length(1, 200) subject!: string;
  @ApiProperty({ maxLength: 10000 }) @IsString() @Length(1, 10000) description!: string;
  @ApiPropertyOptional({ maxLength: 100 }) @IsOptional() @IsString() @Length(1, 100) product?: string;
  @ApiPropertyOptional({ type: MoneyRequest })
  @IsOptional()
  @ValidateNested()
  @Type(() => MoneyRequest)
  amount?: MoneyRequest;
  @ApiPropertyOptional() @IsOptional() @IsISO8601({ strict: true }) occurredAt?: string;
  @ApiPropertyOptional({ type: [AttachmentRequest] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ValidateNested({ each: true })
  @Type(() => AttachmentRequest)
  attachments?: AttachmentRequest[];
}

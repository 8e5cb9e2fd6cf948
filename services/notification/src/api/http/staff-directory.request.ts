import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { Channel, CHANNELS, Language, LANGUAGES, StaffAudience } from '../../domain/template';

const STAFF_AUDIENCES: StaffAudience[] = ['assignee', 'team-lead', 'ops', 'management'];

export class StaffRecipientRequest {
  @ApiProperty({ example: 'card-fraud-leads' })
  @Matches(/^[a-z0-9][a-z0-9-]{0,63}$/, { message: 'id must be 1-64 of a-z 0-9 -' })
  id!: string;
  @ApiProperty({ enum: STAFF_AUDIENCES }) @IsIn(STAFF_AUDIENCES) audience!: StaffAudience;
  @ApiProperty({ description: 'The team (as escalation names it), or * for every team', example: '*' })
  @IsString()
  @Length(1, 100)
  team!: string;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: Channel;
  @ApiProperty({ description: 'E-mail address, phone number or webhook URL' })
  @IsString()
  @Length(3, 500)
  address!: string;
  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES) language!: Language;
  @ApiPropertyOptional({ description: 'Webhooks: the name of a signing secret in WEBHOOK_SECRETS' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,64}$/)
  secretRef?: string;
  @ApiPropertyOptional({ default: true }) @IsOptional() @IsBoolean() enabled?: boolean;
}

export class StaffDirectoryRequest {
  @ApiProperty({ type: [StaffRecipientRequest] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => StaffRecipientRequest)
  recipients!: StaffRecipientRequest[];
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Audience, AUDIENCES, Channel, CHANNELS, Language, LANGUAGES } from '../../domain/template';
import { NOTIFIABLE_EVENT_TYPES } from '../../domain/template-variables';

export class TemplateRequest {
  // Checked with the placeholders (template-set.ts), so an unknown event and unknown variables are reported together.
  @ApiProperty({ enum: NOTIFIABLE_EVENT_TYPES }) @IsString() @Length(1, 100) eventType!: string;
  @ApiProperty({ enum: AUDIENCES }) @IsIn(AUDIENCES) audience!: Audience;
  @ApiProperty({ enum: CHANNELS }) @IsIn(CHANNELS) channel!: Channel;
  @ApiProperty({ enum: LANGUAGES }) @IsIn(LANGUAGES) language!: Language;
  @ApiPropertyOptional({ description: 'E-mail subject or webhook title; none for SMS', maxLength: 300 })
  @IsOptional()
  @IsString()
  @Length(1, 300)
  subject?: string;
  @ApiProperty({ description: 'Text with {{variable}} placeholders (see GET /v1/templates/variables)' })
  @IsString()
  @Length(1, 5000)
  body!: string;
}

/** PUT /v1/templates: the whole new set. `basedOnVersion` guards against overwriting someone else's change. */
export class TemplateSetRequest {
  @ApiPropertyOptional({
    description: 'The version this set was edited from; 409 when it is no longer current',
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  basedOnVersion?: number;

  @ApiProperty({ type: [TemplateRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => TemplateRequest)
  templates!: TemplateRequest[];
}

export class TemplateVersionQuery {
  @ApiPropertyOptional({ description: 'An older version of the set; the current one when absent' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647) // the column is a Postgres integer: a larger number fails there as a 500
  version?: number;
}

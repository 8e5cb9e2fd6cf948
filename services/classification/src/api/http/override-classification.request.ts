import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Matches, Min } from 'class-validator';
import { CATEGORIES, RISK_LEVELS, URGENCIES } from '@complaints/contracts';
import { Risk, Urgency } from '../../domain/classification';

/** POST /v1/classifications/{complaintId}/override: what the agent corrects, and why (required, audited). */
export class OverrideClassificationRequest {
  @ApiPropertyOptional({ enum: CATEGORIES })
  @IsOptional()
  @IsIn(CATEGORIES)
  category?: string;

  @ApiPropertyOptional({ description: 'A subcategory of the (new) category in the taxonomy in force' })
  @IsOptional()
  @Matches(/^[a-z0-9]+(-[a-z0-9]+)*$/, { message: 'subcategory must be lower-case words joined by dashes' })
  @Length(1, 100)
  subcategory?: string;

  @ApiPropertyOptional({ enum: URGENCIES }) @IsOptional() @IsIn(URGENCIES) urgency?: Urgency;

  @ApiPropertyOptional({ enum: RISK_LEVELS }) @IsOptional() @IsIn(RISK_LEVELS) risk?: Risk;

  @ApiProperty({ maxLength: 2000, description: 'Why the classification is wrong; kept in the audit trail' })
  @IsString()
  @Length(1, 2000)
  reason!: string;

  @ApiPropertyOptional({ description: 'The revision the agent saw; 409 if it changed meanwhile' })
  @IsOptional()
  @IsInt()
  @Min(1)
  expectedRevision?: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { CATEGORIES, CHANNELS, PRIORITIES, URGENCIES } from '@complaints/contracts';
import { CLOCK_KINDS, ClockKind } from '../../../domain/clock-kind';
import { TARGET_UNITS, TargetUnit, TIME_BASES, TimeBasis } from '../../../domain/policy/sla-policy';

export const RULE_ID = /^[a-z0-9][a-z0-9-]{0,63}$/;
const RULE_ID_MESSAGE = '$property must be 1-64 of a-z 0-9 -, starting with a letter or digit';

export class ClockTargetRequest {
  @ApiProperty({ enum: CLOCK_KINDS }) @IsIn(CLOCK_KINDS) kind!: ClockKind;
  @ApiProperty({ example: 15 }) @IsInt() @Min(1) @Max(100_000) amount!: number;
  @ApiProperty({
    enum: TARGET_UNITS,
    description: 'days end at midnight (24x7) or close of business (business)',
  })
  @IsIn(TARGET_UNITS)
  unit!: TargetUnit;
  @ApiProperty({ enum: TIME_BASES }) @IsIn(TIME_BASES) basis!: TimeBasis;
  @ApiProperty() @IsBoolean() pauseWhileAwaitingCustomer!: boolean;
  @ApiProperty() @IsBoolean() restartOnReopen!: boolean;
}

export class PolicyMatchRequest {
  @ApiPropertyOptional({ enum: PRIORITIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PRIORITIES.length)
  @IsIn(PRIORITIES, { each: true })
  priorities?: string[];
  @ApiPropertyOptional({ enum: URGENCIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(URGENCIES.length)
  @IsIn(URGENCIES, { each: true })
  urgencies?: string[];
  @ApiPropertyOptional({ enum: CATEGORIES, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CATEGORIES.length)
  @IsIn(CATEGORIES, { each: true })
  categories?: string[];
  @ApiPropertyOptional({ enum: CHANNELS, isArray: true })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(CHANNELS.length)
  @IsIn(CHANNELS, { each: true })
  channels?: string[];
}

export class SlaPolicyRequest {
  @ApiProperty({ example: 'urgent' }) @Matches(RULE_ID, { message: RULE_ID_MESSAGE }) id!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) description?: string;
  @ApiProperty({ type: PolicyMatchRequest, description: 'empty: matches every complaint' })
  @ValidateNested()
  @Type(() => PolicyMatchRequest)
  match!: PolicyMatchRequest;
  @ApiProperty({ example: 'cn-mainland' })
  @Matches(RULE_ID, { message: RULE_ID_MESSAGE })
  calendarId!: string;
  @ApiProperty({ example: [0.5, 0.8] })
  @IsArray()
  @ArrayMaxSize(5)
  @IsNumber({ allowNaN: false, allowInfinity: false }, { each: true })
  warningFractions!: number[];
  @ApiProperty({ type: [ClockTargetRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(CLOCK_KINDS.length)
  @ValidateNested({ each: true })
  @Type(() => ClockTargetRequest)
  targets!: ClockTargetRequest[];
}

/** PUT /v1/sla/policies: the whole ordered set; the first policy whose match fits a complaint applies. */
export class PutPoliciesRequest {
  @ApiProperty({ type: [SlaPolicyRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SlaPolicyRequest)
  policies!: SlaPolicyRequest[];
}

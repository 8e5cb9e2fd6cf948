import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
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
import {
  CATEGORIES,
  Category,
  CHANNELS,
  Channel,
  ESCALATION_LEVELS,
  EscalationLevel,
  RISK_LEVELS,
  RiskLevel,
  URGENCIES,
  Urgency,
} from '@complaints/contracts';
import {
  RISK_DIMENSIONS,
  RISK_MEASURES,
  RISK_METRICS,
  RiskDimension,
  RiskMeasure,
  RiskMetric,
} from '../../domain/matrix/escalation-matrix';

/**
 * The body of PUT /v1/escalation-matrix: the whole matrix. The shape is checked here (every field error in one
 * 400); the rules across fields (levels in order, a catch-all route, no duplicates) are the domain's.
 */
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;
const SLUG_MESSAGE = { message: '$property is lower-case words joined by dashes' };

export class LevelPolicyRequest {
  @ApiProperty({ enum: ESCALATION_LEVELS }) @IsIn(ESCALATION_LEVELS) level!: EscalationLevel;
  @ApiProperty({ example: 'Team lead' }) @IsString() @Length(1, 200) name!: string;
  @ApiPropertyOptional({
    description: 'The team that owns complaints at this level; absent: the routed team',
  })
  @IsOptional()
  @Matches(SLUG, SLUG_MESSAGE)
  @Length(1, 100)
  team?: string;
  @ApiPropertyOptional({ minimum: 1, description: 'Time this level has to acknowledge an escalation' })
  @IsOptional()
  @IsInt()
  @Min(1)
  acknowledgeWithinMinutes?: number;
  @ApiProperty({ description: 'Whether an escalation left unacknowledged goes up again' })
  @IsBoolean()
  escalateWhenUnacknowledged!: boolean;
}

export class RoutingRuleRequest {
  @ApiProperty() @Matches(SLUG, SLUG_MESSAGE) @Length(1, 100) id!: string;
  @ApiProperty({ description: 'Lower orders are tried first' })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  order!: number;
  @ApiPropertyOptional({ enum: CATEGORIES }) @IsOptional() @IsIn(CATEGORIES) category?: Category;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) subcategory?: string;
  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @ApiPropertyOptional({ description: 'Compared ignoring case' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  product?: string;
  @ApiPropertyOptional({ enum: RISK_LEVELS }) @IsOptional() @IsIn(RISK_LEVELS) risk?: RiskLevel;
  @ApiPropertyOptional({ enum: URGENCIES }) @IsOptional() @IsIn(URGENCIES) urgency?: Urgency;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 100) region?: string;
  @ApiPropertyOptional({ description: 'A classification signal, e.g. large-amount' })
  @IsOptional()
  @Matches(SLUG, SLUG_MESSAGE)
  @Length(1, 100)
  signal?: string;
  @ApiProperty({ example: 'risk-control' }) @Matches(SLUG, SLUG_MESSAGE) @Length(1, 100) team!: string;
}

export class StartLevelRuleRequest {
  @ApiProperty() @Matches(SLUG, SLUG_MESSAGE) @Length(1, 100) id!: string;
  @ApiPropertyOptional({ enum: RISK_LEVELS }) @IsOptional() @IsIn(RISK_LEVELS) risk?: RiskLevel;
  @ApiPropertyOptional({ enum: URGENCIES }) @IsOptional() @IsIn(URGENCIES) urgency?: Urgency;
  @ApiPropertyOptional({ enum: CATEGORIES }) @IsOptional() @IsIn(CATEGORIES) category?: Category;
  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: Channel;
  @ApiPropertyOptional() @IsOptional() @Matches(SLUG, SLUG_MESSAGE) @Length(1, 100) signal?: string;
  @ApiPropertyOptional({ description: 'true: any vulnerable customer' })
  @IsOptional()
  @IsBoolean()
  vulnerable?: boolean;
  @ApiProperty({ enum: ESCALATION_LEVELS }) @IsIn(ESCALATION_LEVELS) level!: EscalationLevel;
}

export class RiskThresholdRequest {
  @ApiProperty() @Matches(SLUG, SLUG_MESSAGE) @Length(1, 100) id!: string;
  @ApiProperty({ enum: RISK_DIMENSIONS }) @IsIn(RISK_DIMENSIONS) dimension!: RiskDimension;
  @ApiProperty({ description: 'A category, team or channel, or * for each without its own threshold' })
  @IsString()
  @Length(1, 100)
  key!: string;
  @ApiProperty({ enum: RISK_METRICS }) @IsIn(RISK_METRICS) metric!: RiskMetric;
  @ApiProperty({ enum: RISK_MEASURES }) @IsIn(RISK_MEASURES) measure!: RiskMeasure;
  @ApiProperty({ description: 'Fixed windows aligned to the UTC epoch' })
  @IsInt()
  @Min(1)
  windowMinutes!: number;
  @ApiProperty({ description: 'A count, or a share between 0 and 1' })
  @IsNumber({ allowNaN: false, allowInfinity: false })
  @Min(0.0001)
  threshold!: number;
  @ApiProperty({ description: 'Samples a window needs before a share is judged' })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  minimumSample!: number;
}

export class RiskPolicyRequest {
  @ApiProperty({ description: 'A satisfaction score (1-5) at or below this is low' })
  @IsInt()
  @Min(1)
  @Max(4)
  lowSatisfactionAtMost!: number;
  @ApiProperty({ type: [RiskThresholdRequest] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RiskThresholdRequest)
  thresholds!: RiskThresholdRequest[];
}

export class EscalationMatrixRequest {
  @ApiPropertyOptional({ description: 'The version this replaces; 409 when another replaced it first' })
  @IsOptional()
  @IsInt()
  @Min(1)
  basedOnVersion?: number;
  @ApiProperty({ type: [LevelPolicyRequest] })
  @IsArray()
  @ArrayMaxSize(4)
  @ValidateNested({ each: true })
  @Type(() => LevelPolicyRequest)
  levels!: LevelPolicyRequest[];
  @ApiProperty({ type: [RoutingRuleRequest] })
  @IsArray()
  @ArrayMaxSize(1000)
  @ValidateNested({ each: true })
  @Type(() => RoutingRuleRequest)
  routingRules!: RoutingRuleRequest[];
  @ApiProperty({ type: [StartLevelRuleRequest] })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => StartLevelRuleRequest)
  startLevelRules!: StartLevelRuleRequest[];
  @ApiProperty({ type: RiskPolicyRequest })
  @ValidateNested()
  @Type(() => RiskPolicyRequest)
  risk!: RiskPolicyRequest;
}

export class MatrixVersionQuery {
  @ApiPropertyOptional({ description: 'An earlier version; absent: the one in force' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(2_147_483_647) // the column is a Postgres integer: a larger number fails there as a 500
  version?: number;
}

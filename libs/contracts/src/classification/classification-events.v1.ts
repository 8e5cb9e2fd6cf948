import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Actor } from '../vocabulary/common-data';
import {
  CATEGORIES,
  Category,
  CHANNELS,
  Channel,
  PRIORITIES,
  Priority,
  RISK_LEVELS,
  RiskLevel,
  URGENCIES,
  Urgency,
  VULNERABILITIES,
  Vulnerability,
} from '../vocabulary/vocabulary';
import { IsUtcTimestamp } from '../vocabulary/utc-timestamp';

export const COMPLAINT_CLASSIFIED = 'complaint.classified' as const;
export const COMPLAINT_RECLASSIFIED = 'complaint.reclassified' as const;

/** One rule that fired, and the text it matched: the "why" of a classification. */
export class MatchedRule {
  @IsString() @Length(1, 100) ruleId!: string;
  @IsString() @Length(0, 200) matched!: string;
}

/**
 * The assessment of a complaint. It carries the facts downstream services act on (event-carried state):
 * sla-timer needs receivedAt and channel to start the clocks, escalation needs signals and vulnerability to route.
 */
export class ComplaintClassifiedV1 {
  @IsUUID() complaintId!: string;
  @Matches(/^CMP-\d{8}-\d{6,}$/) reference!: string;
  @IsIn(CATEGORIES) category!: Category;
  @IsOptional() @IsString() @Length(1, 100) subcategory?: string;
  @IsIn(URGENCIES) urgency!: Urgency;
  @IsIn(RISK_LEVELS) risk!: RiskLevel;
  @IsIn(PRIORITIES) priority!: Priority;
  @IsNumber() @Min(0) @Max(1) confidence!: number;
  @IsString() @Length(1, 50) ruleSetVersion!: string;
  @IsArray()
  @ArrayMaxSize(100)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => MatchedRule)
  matchedRules!: MatchedRule[];
  /** Facts that raised urgency or risk, e.g. `unauthorised-transaction`, `regulator-mentioned`, `repeat-complainant`. */
  @IsArray() @ArrayMaxSize(50) @IsString({ each: true }) signals!: string[];
  @IsIn(CHANNELS) channel!: Channel;
  @IsOptional() @IsString() @Length(1, 200) product?: string;
  @IsArray() @IsIn(VULNERABILITIES, { each: true }) vulnerable!: Vulnerability[];
  @IsUtcTimestamp() receivedAt!: string;
  @IsUtcTimestamp() classifiedAt!: string;
  /** Increases with every (re)classification of this complaint, so consumers can ignore a stale one. */
  @IsInt() @Min(1) revision!: number;
}

export class PreviousClassification {
  @IsIn(CATEGORIES) category!: Category;
  @IsIn(URGENCIES) urgency!: Urgency;
  @IsIn(RISK_LEVELS) risk!: RiskLevel;
  @IsIn(PRIORITIES) priority!: Priority;
}

/** A changed classification: an agent's override or a reopened complaint assessed again. */
export class ComplaintReclassifiedV1 extends ComplaintClassifiedV1 {
  @IsObject() @ValidateNested() @Type(() => PreviousClassification) previous!: PreviousClassification;
  @IsObject() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsString() @Length(1, 2000) reason!: string;
}

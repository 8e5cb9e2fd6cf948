import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  Min,
} from 'class-validator';
import { CLOCK_KINDS, ClockKind } from '../vocabulary/vocabulary';
import { IsUtcTimestamp } from '../vocabulary/utc-timestamp';

/** Fields every clock event carries: which clock, under which policy, and where its deadline stands. */
export class ClockFields {
  @IsUUID() complaintId!: string;
  @IsUUID() clockId!: string;
  @IsIn(CLOCK_KINDS) kind!: ClockKind;
  @IsString() @Length(1, 100) policyId!: string;
  @IsUtcTimestamp() dueAt!: string;
  @IsUtcTimestamp() occurredAt!: string;
}

/** Why a clock (re)started: a new clock, or an open clock's deadline recomputed. */
export const SLA_START_TRIGGERS = ['classified', 'reclassified', 'deadline-extended', 'reopened'] as const;
export type SlaStartTrigger = (typeof SLA_START_TRIGGERS)[number];

export const SLA_TARGET_UNITS = ['minutes', 'hours', 'days'] as const;
export type SlaTargetUnit = (typeof SLA_TARGET_UNITS)[number];

export const SLA_STARTED = 'sla.started' as const;
/**
 * A clock started, or an open clock got a new deadline (same clockId, a `trigger` other than `classified` or
 * `reopened`): consumers keep the latest per clockId. A reopened complaint's clocks start a new cycle with new ids.
 */
export class SlaStartedV1 extends ClockFields {
  @IsUtcTimestamp() startedAt!: string;
  /** Whether the clock counts business hours of its calendar (false: 24x7). */
  @IsBoolean() businessTime!: boolean;
  /** The target in minutes; a day counts as 1,440 (days end at midnight or close of business: see targetUnit). */
  @IsInt() @Min(1) targetMinutes!: number;
  @IsOptional() @IsIn(SLA_START_TRIGGERS) trigger?: SlaStartTrigger;
  /** The target as the policy states it, e.g. 15 days. */
  @IsOptional() @IsInt() @Min(1) targetAmount?: number;
  @IsOptional() @IsIn(SLA_TARGET_UNITS) targetUnit?: SlaTargetUnit;
  /** The business calendar whose time zone (and, for business time, working hours) the clock counts in. */
  @IsOptional() @IsString() @Length(1, 100) calendarId?: string;
  /** 1 for the first clock of this kind; a reopened complaint's clocks start again at the next cycle. */
  @IsOptional() @IsInt() @Min(1) cycle?: number;
}

export const SLA_WARNING = 'sla.warning' as const;
export class SlaWarningV1 extends ClockFields {
  /** The fraction of the target that has elapsed, e.g. 0.8. */
  @IsNumber() @Min(0) @Max(1) threshold!: number;
  @IsInt() @Min(0) remainingMs!: number;
}

export const SLA_BREACHED = 'sla.breached' as const;
export class SlaBreachedV1 extends ClockFields {
  @IsUtcTimestamp() breachedAt!: string;
}

export const SLA_MET = 'sla.met' as const;
export class SlaMetV1 extends ClockFields {
  @IsUtcTimestamp() metAt!: string;
  /** Positive when met early; a late completion of a breached clock is negative. */
  @IsInt() marginMs!: number;
}

export const SLA_PAUSED = 'sla.paused' as const;
export class SlaPausedV1 extends ClockFields {
  @IsInt() @Min(0) remainingMs!: number;
}

export const SLA_RESUMED = 'sla.resumed' as const;
export class SlaResumedV1 extends ClockFields {}

export const SLA_CANCELLED = 'sla.cancelled' as const;
export class SlaCancelledV1 extends ClockFields {
  @IsString() @Length(1, 500) reason!: string;
}

import { IsBoolean, IsIn, IsInt, IsNumber, IsString, IsUUID, Length, Max, Min } from 'class-validator';
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

export const SLA_STARTED = 'sla.started' as const;
export class SlaStartedV1 extends ClockFields {
  @IsUtcTimestamp() startedAt!: string;
  /** Whether the clock counts business hours of its calendar (false: 24x7). */
  @IsBoolean() businessTime!: boolean;
  @IsInt() @Min(1) targetMinutes!: number;
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

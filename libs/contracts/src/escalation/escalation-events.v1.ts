import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Min,
  ValidateNested,
} from 'class-validator';
import { Actor } from '../vocabulary/common-data';
import { CLOCK_KINDS, ClockKind, ESCALATION_LEVELS, EscalationLevel } from '../vocabulary/vocabulary';
import { IsUtcTimestamp } from '../vocabulary/utc-timestamp';

export const COMPLAINT_ASSIGNED = 'complaint.assigned' as const;
/** The complaint has an owning team and a starting level (the named owner the standards ask for). */
export class ComplaintAssignedV1 {
  @IsUUID() complaintId!: string;
  @IsString() @Length(1, 100) team!: string;
  @IsIn(ESCALATION_LEVELS) level!: EscalationLevel;
  @IsString() @Length(1, 100) routingRuleId!: string;
  @IsString() @Length(1, 50) matrixVersion!: string;
  @IsString() @Length(1, 500) reason!: string;
  @IsUtcTimestamp() assignedAt!: string;
  /** Set on a reassignment (a reclassification routed the complaint elsewhere): the owner it had before. */
  @IsOptional() @IsString() @Length(1, 100) previousTeam?: string;
  @IsOptional() @IsIn(ESCALATION_LEVELS) previousLevel?: EscalationLevel;
}

export const COMPLAINT_ESCALATED = 'complaint.escalated' as const;
export class ComplaintEscalatedV1 {
  @IsUUID() complaintId!: string;
  @IsUUID() escalationId!: string;
  @IsOptional() @IsIn(ESCALATION_LEVELS) fromLevel?: EscalationLevel;
  @IsIn(ESCALATION_LEVELS) toLevel!: EscalationLevel;
  @IsString() @Length(1, 100) team!: string;
  @IsIn(['sla-breached', 'not-acknowledged', 'reopened', 'high-risk-at-intake', 'manual']) trigger!:
    'sla-breached' | 'not-acknowledged' | 'reopened' | 'high-risk-at-intake' | 'manual';
  @IsString() @Length(1, 500) reason!: string;
  @IsOptional() @IsIn(CLOCK_KINDS) breachedClock?: ClockKind;
  @IsUtcTimestamp() escalatedAt!: string;
  /** When the receiving level must acknowledge, or it escalates again. */
  @IsUtcTimestamp() acknowledgeBy!: string;
  /** The escalation this one replaces as the open one (e.g. the one left unacknowledged). */
  @IsOptional() @IsUUID() previousEscalationId?: string;
  /** The escalation matrix version whose levels and windows applied. */
  @IsOptional() @IsString() @Length(1, 50) matrixVersion?: string;
}

export const ESCALATION_ACKNOWLEDGED = 'escalation.acknowledged' as const;
export class EscalationAcknowledgedV1 {
  @IsUUID() complaintId!: string;
  @IsUUID() escalationId!: string;
  @IsIn(ESCALATION_LEVELS) level!: EscalationLevel;
  @IsObject() @ValidateNested() @Type(() => Actor) acknowledgedBy!: Actor;
  @IsUtcTimestamp() acknowledgedAt!: string;
}

export const RISK_WARNING_RAISED = 'risk.warning-raised' as const;
/** A rolling rate crossed its threshold; raised once per window. The envelope subject is `risk:<dimension>:<key>`. */
export class RiskWarningRaisedV1 {
  @IsUUID() warningId!: string;
  @IsIn(['category', 'team', 'channel']) dimension!: 'category' | 'team' | 'channel';
  @IsString() @Length(1, 100) key!: string;
  @IsIn(['complaints', 'breaches', 'low-satisfaction']) metric!:
    'complaints' | 'breaches' | 'low-satisfaction';
  @IsNumber() @Min(0) observed!: number;
  @IsNumber() @Min(0) threshold!: number;
  @IsUtcTimestamp() windowStart!: string;
  @IsUtcTimestamp() windowEnd!: string;
  @IsInt() @Min(0) sampleSize!: number;
  @IsUtcTimestamp() raisedAt!: string;
  /** count: `observed` is how many in the window; share: the fraction of the window's samples (low scores). */
  @IsOptional() @IsIn(['count', 'share']) measure?: 'count' | 'share';
  /** The escalation matrix threshold that was reached. */
  @IsOptional() @IsString() @Length(1, 100) thresholdId?: string;
}

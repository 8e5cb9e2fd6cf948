import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { Type } from 'class-transformer';
import { Actor, LifecycleFields } from '../vocabulary/common-data';
import { RESOLUTION_OUTCOMES, ResolutionOutcome } from '../vocabulary/vocabulary';
import { IsUtcTimestamp } from '../vocabulary/utc-timestamp';

/**
 * The lifecycle events intake emits after complaint.received. Each carries LifecycleFields (new and previous
 * status, who, when, why, and the complaint's version) plus what is particular to it.
 */

export const COMPLAINT_ACKNOWLEDGED = 'complaint.acknowledged' as const;
/** An agent took the complaint on: meets the first-response clock. */
export class ComplaintAcknowledgedV1 extends LifecycleFields {}

export const COMPLAINT_AWAITING_CUSTOMER = 'complaint.awaiting-customer' as const;
/** More information was asked of the customer: pauses the resolution clock. */
export class ComplaintAwaitingCustomerV1 extends LifecycleFields {
  @IsString() @Length(1, 2000) informationRequested!: string;
}

export const COMPLAINT_CUSTOMER_REPLIED = 'complaint.customer-replied' as const;
/** The customer answered: resumes the resolution clock. */
export class ComplaintCustomerRepliedV1 extends LifecycleFields {}

export const COMPLAINT_RESOLVED = 'complaint.resolved' as const;
export class ComplaintResolvedV1 extends LifecycleFields {
  @IsIn(RESOLUTION_OUTCOMES) outcome!: ResolutionOutcome;
  @IsString() @Length(1, 5000) resolutionSummary!: string;
  @IsOptional() @IsString() @Length(1, 2000) remedy?: string;
}

export const COMPLAINT_REOPENED = 'complaint.reopened' as const;
export class ComplaintReopenedV1 extends LifecycleFields {}

export const COMPLAINT_CLOSED = 'complaint.closed' as const;
export class ComplaintClosedV1 extends LifecycleFields {}

export const COMPLAINT_WITHDRAWN = 'complaint.withdrawn' as const;
export class ComplaintWithdrawnV1 extends LifecycleFields {}

export const COMPLAINT_DEADLINE_EXTENDED = 'complaint.deadline-extended' as const;
/** The regulatory decision deadline moved to 30 or 60 days from receipt (domain-requirements §4.3). */
export class ComplaintDeadlineExtendedV1 extends LifecycleFields {
  @IsIn([30, 60]) newTotalDays!: 30 | 60;
  @IsObject() @ValidateNested() @Type(() => Actor) approver!: Actor;
  @IsUtcTimestamp() receivedAt!: string;
}

export const COMPLAINT_FEEDBACK_RECEIVED = 'complaint.feedback-received' as const;
export class ComplaintFeedbackReceivedV1 extends LifecycleFields {
  @IsInt() @Min(1) @Max(5) satisfaction!: number;
  @IsOptional() @IsString() @Length(1, 2000) comment?: string;
}

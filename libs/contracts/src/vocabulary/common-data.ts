// class-transformer's @Type reads design:type metadata while the classes are defined, so the polyfill must load
// first. Every contract file using @Type imports this module, so loading it here makes the lib self-sufficient.
import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Min,
  ValidateNested,
} from 'class-validator';
import { COMPLAINT_STATUSES, ComplaintStatus } from './vocabulary';
import { IsUtcTimestamp } from './utc-timestamp';

/** Money is a decimal string, never a float. */
export class Money {
  @Matches(/^-?\d{1,15}(\.\d{1,4})?$/) value!: string;
  @Matches(/^[A-Z]{3}$/) currency!: string;
}

/** Who did something: a staff member or a system, from the caller's token. Never a customer's personal data. */
export class Actor {
  @IsIn(['staff', 'channel', 'system']) kind!: 'staff' | 'channel' | 'system';
  @IsString() @Length(1, 200) id!: string;
}

/** Fields every intake lifecycle event carries, so a consumer never needs the previous event to act. */
export class LifecycleFields {
  @IsUUID() complaintId!: string;
  @Matches(/^CMP-\d{8}-\d{6,}$/) reference!: string;
  @IsIn(COMPLAINT_STATUSES) status!: ComplaintStatus;
  @IsIn(COMPLAINT_STATUSES) previousStatus!: ComplaintStatus;
  @IsUtcTimestamp() occurredAt!: string;
  @IsObject() @ValidateNested() @Type(() => Actor) actor!: Actor;
  @IsOptional() @IsString() @Length(1, 2000) reason?: string;
  /** Monotonic per complaint: consumers can tell a stale event from a newer one across topics. */
  @IsInt() @Min(1) version!: number;
}

import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { RESOLUTION_OUTCOMES, ResolutionOutcome } from '@complaints/contracts';

/** Bodies of the lifecycle endpoints. Free text is bounded; unknown fields are rejected by the global pipe. */

export class AcknowledgeRequest {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class RequestInfoRequest {
  @ApiProperty({ maxLength: 2000, description: 'What the customer is asked to provide' })
  @IsString()
  @Length(1, 2000)
  informationRequested!: string;
}

export class CustomerReplyRequest {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) note?: string;
}

export class ResolveRequest {
  @ApiProperty({ enum: RESOLUTION_OUTCOMES }) @IsIn(RESOLUTION_OUTCOMES) outcome!: ResolutionOutcome;
  @ApiProperty({ maxLength: 5000 }) @IsString() @Length(1, 5000) resolutionSummary!: string;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) remedy?: string;
}

export class ReasonRequest {
  @ApiProperty({ maxLength: 2000 }) @IsString() @Length(1, 2000) reason!: string;
}

export class CloseRequest {
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) reason?: string;
}

export class ExtendDeadlineRequest {
  @ApiProperty({ maxLength: 2000 }) @IsString() @Length(1, 2000) reason!: string;
  @ApiProperty({
    enum: [30, 60],
    description: 'The new total in days from receipt (the regulation allows 30, or 60 with approval)',
  })
  @IsIn([30, 60])
  newTotalDays!: 30 | 60;
  @ApiProperty({ description: 'Staff id of the manager who approved the extension' })
  @IsString()
  @Length(1, 200)
  approver!: string;
}

export class FeedbackRequest {
  @ApiProperty({ minimum: 1, maximum: 5 }) @IsInt() @Min(1) @Max(5) satisfaction!: number;
  @ApiPropertyOptional({ maxLength: 2000 }) @IsOptional() @IsString() @Length(1, 2000) comment?: string;
}

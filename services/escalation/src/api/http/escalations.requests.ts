import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ESCALATION_LEVELS, EscalationLevel } from '@complaints/contracts';
import { EscalationState } from '../../application/ports/case-store';

const ESCALATION_STATES: EscalationState[] = ['open', 'acknowledged', 'superseded', 'closed'];
const CURSOR = /^[A-Za-z0-9_-]{1,400}$/;

export class EscalationsQuery {
  @ApiPropertyOptional({ description: 'The team the escalation went to' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  team?: string;
  @ApiPropertyOptional({ enum: ESCALATION_LEVELS, description: 'The level it went to' })
  @IsOptional()
  @IsIn(ESCALATION_LEVELS)
  level?: EscalationLevel;
  @ApiPropertyOptional({ enum: ESCALATION_STATES })
  @IsOptional()
  @IsIn(ESCALATION_STATES)
  state?: EscalationState;
  @ApiPropertyOptional() @IsOptional() @IsUUID() complaintId?: string;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(CURSOR)
  cursor?: string;
}

export class AcknowledgeEscalationRequest {
  @ApiPropertyOptional({ maxLength: 2000, description: 'What the receiving level is doing about it' })
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  note?: string;
}

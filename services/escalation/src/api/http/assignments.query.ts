import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { ESCALATION_LEVELS, EscalationLevel } from '@complaints/contracts';

export class AssignmentsQuery {
  @ApiPropertyOptional() @IsOptional() @IsUUID() complaintId?: string;
  @ApiPropertyOptional({ description: 'The team that owns the complaint now' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  team?: string;
  @ApiPropertyOptional({ enum: ESCALATION_LEVELS, description: 'The level the complaint is at now' })
  @IsOptional()
  @IsIn(ESCALATION_LEVELS)
  level?: EscalationLevel;
  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

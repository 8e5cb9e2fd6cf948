import { ApiPropertyOptional, ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Max, Min } from 'class-validator';
import { CLOCK_KINDS, ClockKind } from '../../../domain/clock-kind';
import { CLOCK_STATES, ClockState } from '../../../domain/clocks/sla-clock';

class PageRequest {
  @ApiPropertyOptional({ description: 'the `next` of the previous page' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit: number = 50;
  @ApiPropertyOptional({ enum: CLOCK_KINDS }) @IsOptional() @IsIn(CLOCK_KINDS) kind?: ClockKind;
  @ApiPropertyOptional({ description: 'policy id without version, e.g. urgent' })
  @IsOptional()
  @IsString()
  @Length(1, 64)
  policyId?: string;
}

export class BreachesQuery extends PageRequest {
  @ApiPropertyOptional({
    enum: CLOCK_STATES,
    description: 'running or paused: still open; met: answered late',
  })
  @IsOptional()
  @IsIn(CLOCK_STATES)
  state?: ClockState;
  @ApiPropertyOptional({ description: 'breached at or after' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'breached before' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
}

export class AtRiskQuery extends PageRequest {
  @ApiProperty({
    description: 'running clocks due within this many minutes (or already overdue)',
    example: 60,
  })
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(525_600)
  withinMinutes!: number;
}

export class StreamQuery {
  @ApiPropertyOptional({ enum: CLOCK_KINDS }) @IsOptional() @IsIn(CLOCK_KINDS) kind?: ClockKind;
  @ApiPropertyOptional({ enum: ['sla.warning', 'sla.breached'] })
  @IsOptional()
  @IsIn(['sla.warning', 'sla.breached'])
  type?: 'sla.warning' | 'sla.breached';
}

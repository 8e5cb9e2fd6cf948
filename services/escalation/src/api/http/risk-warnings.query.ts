import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxDate,
  Min,
  MinDate,
} from 'class-validator';
import {
  RISK_DIMENSIONS,
  RISK_METRICS,
  RiskDimension,
  RiskMetric,
} from '../../domain/matrix/escalation-matrix';

/** Years 1 to 9999: JavaScript dates reach further than Postgres timestamps, which fail as a 500 beyond them. */
const EARLIEST = new Date('0001-01-01T00:00:00Z');
const LATEST = new Date('9999-12-31T23:59:59.999Z');

export class RiskWarningsQuery {
  @ApiPropertyOptional({ enum: RISK_DIMENSIONS })
  @IsOptional()
  @IsIn(RISK_DIMENSIONS)
  dimension?: RiskDimension;
  @ApiPropertyOptional({ description: 'A category, team or channel' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  key?: string;
  @ApiPropertyOptional({ enum: RISK_METRICS }) @IsOptional() @IsIn(RISK_METRICS) metric?: RiskMetric;
  @ApiPropertyOptional({ description: 'Raised at or after (RFC 3339)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(EARLIEST)
  @MaxDate(LATEST)
  from?: Date;
  @ApiPropertyOptional({ description: 'Raised before (RFC 3339)' })
  @IsOptional()
  @Type(() => Date)
  @IsDate()
  @MinDate(EARLIEST)
  @MaxDate(LATEST)
  to?: Date;
  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
  @ApiPropertyOptional({ description: 'nextCursor of the previous page' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/)
  cursor?: string;
}

import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  Length,
  Matches,
  ValidateNested,
} from 'class-validator';
import { RULE_ID } from './policy.request';

const HH_MM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export class TimeRangeRequest {
  @ApiProperty({ example: '09:00' }) @Matches(HH_MM, { message: '$property must be HH:MM' }) from!: string;
  @ApiProperty({ example: '17:00' })
  @Matches(HH_MM, { message: '$property must be HH:MM (24:00 allowed)' })
  to!: string;
}

const dayHours = () =>
  applyDecorators(
    IsOptional(),
    IsArray(),
    ArrayMaxSize(12),
    ValidateNested({ each: true }),
    Type(() => TimeRangeRequest),
    ApiPropertyOptional({ type: [TimeRangeRequest] }),
  );

/** Working hours per weekday, in the calendar's zone; a day left out has none. */
export class WeeklyHoursRequest {
  @dayHours() mon: TimeRangeRequest[] = [];
  @dayHours() tue: TimeRangeRequest[] = [];
  @dayHours() wed: TimeRangeRequest[] = [];
  @dayHours() thu: TimeRangeRequest[] = [];
  @dayHours() fri: TimeRangeRequest[] = [];
  @dayHours() sat: TimeRangeRequest[] = [];
  @dayHours() sun: TimeRangeRequest[] = [];
}

export class MakeUpWorkingDayRequest {
  @ApiProperty({ example: '2026-10-10' })
  @Matches(DATE, { message: '$property must be YYYY-MM-DD' })
  date!: string;
  @ApiProperty({ type: [TimeRangeRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(12)
  @ValidateNested({ each: true })
  @Type(() => TimeRangeRequest)
  hours!: TimeRangeRequest[];
}

export class CalendarRequest {
  @ApiProperty({ example: 'cn-mainland' })
  @Matches(RULE_ID, { message: '$property must be 1-64 of a-z 0-9 -' })
  id!: string;
  @ApiPropertyOptional() @IsOptional() @IsString() @Length(1, 500) description?: string;
  @ApiPropertyOptional({ default: 'Asia/Shanghai', description: 'IANA time zone' })
  @IsString()
  @Length(1, 64)
  timeZone: string = 'Asia/Shanghai';
  @ApiProperty({ type: WeeklyHoursRequest })
  @ValidateNested()
  @Type(() => WeeklyHoursRequest)
  weeklyHours!: WeeklyHoursRequest;
  @ApiPropertyOptional({ example: ['2026-10-01'] })
  @IsArray()
  @ArrayMaxSize(3660)
  @Matches(DATE, { each: true, message: 'each of $property must be YYYY-MM-DD' })
  holidays: string[] = [];
  @ApiPropertyOptional({ type: [MakeUpWorkingDayRequest] })
  @IsArray()
  @ArrayMaxSize(3660)
  @ValidateNested({ each: true })
  @Type(() => MakeUpWorkingDayRequest)
  makeUpWorkingDays: MakeUpWorkingDayRequest[] = [];
}

/** PUT /v1/calendars: the whole set of business calendars. */
export class PutCalendarsRequest {
  @ApiProperty({ type: [CalendarRequest] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => CalendarRequest)
  calendars!: CalendarRequest[];
}

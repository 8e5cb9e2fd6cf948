import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, IsOptional, IsString, Length, Matches, Max, Min } from 'class-validator';
import { CATEGORIES, CHANNELS, COMPLAINT_STATUSES } from '@complaints/contracts';
import { isKeysetPosition } from '@complaints/persistence';

/** GET /v1/complaints filters. The cursor is opaque: pass back the `nextCursor` of the previous page. */
export class ListComplaintsQuery {
  @ApiPropertyOptional({ enum: COMPLAINT_STATUSES }) @IsOptional() @IsIn(COMPLAINT_STATUSES) status?: string;
  @ApiPropertyOptional({ enum: CATEGORIES }) @IsOptional() @IsIn(CATEGORIES) category?: string;
  @ApiPropertyOptional({ enum: CHANNELS }) @IsOptional() @IsIn(CHANNELS) channel?: string;
  @ApiPropertyOptional({ description: 'Received at or after (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;
  @ApiPropertyOptional({ description: 'Received before (ISO 8601)' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 200)
  @Matches(/^[A-Za-z0-9_-]+$/)
  cursor?: string;
  @ApiPropertyOptional({ default: 50, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export function encodeCursor(receivedAt: string, id: string): string {
  return Buffer.from(`${receivedAt}|${id}`, 'utf8').toString('base64url');
}

/** The (receivedAt, id) a cursor stands for, or null when it is not one of ours (or could not reach the query). */
export function decodeCursor(cursor: string): { receivedAt: Date; id: string } | null {
  const [receivedAt, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  const time = new Date(receivedAt ?? '');
  if (!isKeysetPosition(time, id)) return null;
  return { receivedAt: time, id };
}

import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min } from 'class-validator';
import { ProblemException, RequireScopes } from '@complaints/http-api';
import { DeliveryStatus } from '../../domain/delivery';
import { DELIVERY_STORE, DeliveryStore } from '../../application/ports/delivery-store';

const STATUSES: DeliveryStatus[] = ['pending', 'sending', 'sent', 'failed', 'suppressed'];

export class NotificationsQuery {
  @ApiPropertyOptional({ description: 'Every delivery about this complaint' })
  @IsOptional()
  @IsUUID()
  complaintId?: string;

  @ApiPropertyOptional({ description: 'An envelope subject, e.g. risk:category:account-and-transaction' })
  @IsOptional()
  @Matches(/^[\x21-\x7e]{1,200}$/)
  subject?: string;

  @ApiPropertyOptional({ enum: STATUSES, description: 'e.g. failed: the deliveries that gave up' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: DeliveryStatus;

  @ApiPropertyOptional({ minimum: 1, maximum: 500, default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

@ApiTags('notifications')
@Controller('v1/notifications')
export class NotificationsController {
  constructor(@Inject(DELIVERY_STORE) private readonly store: DeliveryStore) {}

  @Get()
  @RequireScopes('complaints:read', 'ops:read')
  @ApiOperation({
    summary: 'Every delivery and each of its attempts, with the outcome (masked recipients only)',
  })
  async list(@Query() query: NotificationsQuery): Promise<object> {
    if (!query.complaintId && !query.subject && !query.status) {
      throw ProblemException.validation([
        { field: 'complaintId', messages: ['give complaintId, subject or status'] },
      ]);
    }
    return { items: await this.store.list({ ...query, limit: query.limit ?? 100 }) };
  }
}

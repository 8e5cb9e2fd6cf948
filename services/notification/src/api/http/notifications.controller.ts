import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { RequireScopes } from '@complaints/http-api';
import { DELIVERY_STORE, DeliveryStore } from '../../application/ports/delivery-store';

export class NotificationsQuery {
  @ApiPropertyOptional() @IsUUID() complaintId!: string;
}

@ApiTags('notifications')
@Controller('v1/notifications')
export class NotificationsController {
  constructor(@Inject(DELIVERY_STORE) private readonly store: DeliveryStore) {}

  @Get()
  @RequireScopes('complaints:read', 'ops:read')
  @ApiOperation({
    summary: 'Every delivery attempt for a complaint and its outcome (masked recipients only)',
  })
  async list(@Query() query: NotificationsQuery): Promise<object> {
    return { items: await this.store.forComplaint(query.complaintId) };
  }
}

import { Body, Controller, Get, Inject, Put } from '@nestjs/common';
import { ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { Caller, CurrentCaller, RequireScopes } from '@complaints/http-api';
import {
  NOTIFICATION_POLICY_STORE,
  NotificationPolicy,
  NotificationPolicyStore,
} from '../../application/ports/notification-policy-store';
import { actorOf } from './field-problems';

export class NotificationPolicyRequest {
  @ApiProperty({ description: 'The acknowledgement promises an answer within this many days', example: 15 })
  @IsInt()
  @Min(1)
  @Max(365)
  answerWithinDays!: number;
}

@ApiTags('notification-policy')
@Controller('v1/notification-policy')
export class NotificationPolicyController {
  constructor(@Inject(NOTIFICATION_POLICY_STORE) private readonly policy: NotificationPolicyStore) {}

  @Get()
  @RequireScopes('ops:read')
  @ApiOperation({ summary: 'Policy numbers the messages quote' })
  get(): Promise<NotificationPolicy> {
    return this.policy.get();
  }

  @Put()
  @RequireScopes('admin')
  @ApiOperation({ summary: 'Change the policy numbers the messages quote' })
  put(@Body() body: NotificationPolicyRequest, @CurrentCaller() caller: Caller): Promise<NotificationPolicy> {
    return this.policy.put({ answerWithinDays: body.answerWithinDays }, actorOf(caller));
  }
}

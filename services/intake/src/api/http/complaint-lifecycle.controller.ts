import { Body, Controller, HttpCode, Param, Post, Req } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import {
  Caller,
  correlationIdOf,
  CurrentCaller,
  ProblemException,
  RequireScopes,
  UuidParamPipe,
} from '@complaints/http-api';
import { ComplaintNotFoundError } from '../../application/ports/lifecycle-store';
import {
  TransitionComplaintService,
  TransitionResult,
} from '../../application/transition-complaint/transition-complaint.service';
import { LifecycleCommand } from '../../domain/complaint-lifecycle';
import { IllegalTransitionError } from '../../domain/complaint-status';
import {
  AcknowledgeRequest,
  CloseRequest,
  CustomerReplyRequest,
  ExtendDeadlineRequest,
  FeedbackRequest,
  ReasonRequest,
  RequestInfoRequest,
  ResolveRequest,
} from './lifecycle.requests';

/**
 * One POST per lifecycle transition. Each is audited (who from the token, when, from, to, why) and announced by
 * its lifecycle event; an illegal one is 409 with the current status and what is allowed from it.
 */
@ApiTags('complaint lifecycle')
@Controller('v1/complaints/:id')
export class ComplaintLifecycleController {
  constructor(private readonly transitions: TransitionComplaintService) {}

  @Post('acknowledge')
  @HttpCode(200)
  @RequireScopes('lifecycle:write')
  @ApiOperation({ summary: 'An agent takes the complaint on (meets the first-response clock)' })
  acknowledge(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: AcknowledgeRequest,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ) {
    return this.run(id, { transition: 'acknowledge', note: body.note }, caller, req);
  }

  @Post('request-info')
  @HttpCode(200)
  @RequireScopes('lifecycle:write')
  @ApiOperation({ summary: 'Ask the customer for information (pauses the resolution clock)' })
  requestInfo(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: RequestInfoRequest,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ) {
    return this.run(
      id,
      { transition: 'request-info', informationRequested: body.informationRequested },
      caller,
      req,
    );
  }

  @Post('customer-reply')
  @HttpCode(200)
  @RequireScopes('lifecycle:write', 'complaints:write')
  @ApiOperation({ summary: 'The customer supplied the information (resumes the resolution clock)' })
  customerReply(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: CustomerReplyRequest,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ) {
    return this.run(id, { transition: 'customer-reply', note: body.note }, caller, req);
  }

  @Post('resolve')
  @HttpCode(200)
  @RequireScopes('lifecycle:write')
  @ApiOperation({ summary: 'Give the customer the result: outcome, summary and remedy' })
  resolve(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ResolveRequest,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ) {
    return this.run(
      id,
      {
        transition: 'resolve',
        outcome: body.outcome,
        resolutionSummary: body.resolutionSummary,
        remedy: body.remedy,
      },
      caller,
      req,
    );
  }

  @Post('reopen')
  @HttpCode(200)
  @RequireScopes('lifecycle:write')
  @ApiOperation({ summary: 'Reopen a resolved complaint' })
  reopen(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ReasonRequest,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ) {
    return this.run(id, { transition: 'reopen', reason: body.reason }, caller, req);
  }

  @Post('close')
  @HttpCode(200)
  @RequireScopes('lifecycle:write')
  @ApiOperation({ summary: 'Close a resolved complaint' })
  close(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: CloseRequest,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ) {
    return this.run(id, { transition: 'close', reason: body.reason }, caller, req);
  }

  @Post('withdraw')
  @HttpCode(200)
  @RequireScopes('lifecycle:write', 'complaints:write')
  @ApiOperation({ summary: 'The customer withdraws the complaint (cancels its clocks)' })
  withdraw(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ReasonRequest,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ) {
    return this.run(id, { transition: 'withdraw', reason: body.reason }, caller, req);
  }

  @Post('extend-deadline')
  @HttpCode(200)
  @RequireScopes('lifecycle:write')
  @ApiOperation({
    summary: 'Extend the regulatory decision deadline to 30 or 60 days from receipt, with the reason',
  })
  extendDeadline(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: ExtendDeadlineRequest,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ) {
    return this.run(
      id,
      {
        transition: 'extend-deadline',
        reason: body.reason,
        newTotalDays: body.newTotalDays,
        approver: body.approver,
      },
      caller,
      req,
    );
  }

  @Post('feedback')
  @HttpCode(200)
  @RequireScopes('lifecycle:write', 'complaints:write')
  @ApiOperation({ summary: "The customer's satisfaction (1-5) after resolution" })
  feedback(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: FeedbackRequest,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ) {
    return this.run(
      id,
      { transition: 'feedback', satisfaction: body.satisfaction, comment: body.comment },
      caller,
      req,
    );
  }

  private async run(
    id: string,
    command: LifecycleCommand,
    caller: Caller,
    req: Request,
  ): Promise<TransitionResult> {
    try {
      return await this.transitions.execute(id, command, caller.subject, correlationIdOf(req));
    } catch (error) {
      if (error instanceof ComplaintNotFoundError) throw ProblemException.notFound(error.message);
      if (error instanceof IllegalTransitionError) {
        throw ProblemException.conflict('illegal-transition', error.message, {
          currentStatus: error.current,
          allowed: error.allowed ?? [],
        });
      }
      throw error;
    }
  }
}

import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query, Req } from '@nestjs/common';
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
import {
  AcknowledgeEscalationService,
  EscalationAlreadySettledError,
  EscalationNotFoundError,
} from '../../application/acknowledge-escalation.service';
import {
  ESCALATION_QUERIES,
  EscalationQueries,
  EscalationView,
  InvalidCursorError,
  Page,
} from '../../application/ports/escalation-queries';
import { Clock, CLOCK } from '../../domain/clock';
import { invalidCursor } from './field-problems';
import { AcknowledgeEscalationRequest, EscalationsQuery } from './escalations.requests';

@ApiTags('escalations')
@Controller('v1/escalations')
export class EscalationsController {
  constructor(
    @Inject(ESCALATION_QUERIES) private readonly queries: EscalationQueries,
    @Inject(AcknowledgeEscalationService) private readonly acknowledgement: AcknowledgeEscalationService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @RequireScopes('ops:read', 'complaints:read')
  @ApiOperation({
    summary: 'Escalations, newest first, by team, level and state (open ones past their window are overdue)',
  })
  async list(@Query() query: EscalationsQuery): Promise<Page<EscalationView>> {
    try {
      return await this.queries.escalations(
        { team: query.team, level: query.level, state: query.state, complaintId: query.complaintId },
        { limit: query.limit ?? 50, cursor: query.cursor },
        this.clock.now(),
      );
    } catch (error) {
      if (error instanceof InvalidCursorError) throw invalidCursor(error);
      throw error;
    }
  }

  @Get(':id')
  @RequireScopes('ops:read', 'complaints:read')
  @ApiOperation({ summary: 'One escalation' })
  async get(@Param('id', UuidParamPipe) id: string): Promise<EscalationView> {
    const view = await this.queries.escalation(id, this.clock.now());
    if (!view) throw ProblemException.notFound(`no escalation ${id}`);
    return view;
  }

  @Post(':id/acknowledge')
  @HttpCode(200)
  @RequireScopes('lifecycle:write')
  @ApiOperation({
    summary:
      'The receiving level takes the escalation on (audited; stops it escalating again); 409 unless it is open',
  })
  async acknowledge(
    @Param('id', UuidParamPipe) id: string,
    @Body() body: AcknowledgeEscalationRequest,
    @CurrentCaller() caller: Caller,
    @Req() req: Request,
  ): Promise<EscalationView> {
    try {
      return await this.acknowledgement.execute({
        escalationId: id,
        actor: caller.subject,
        clientId: caller.clientId,
        note: body.note,
        correlationId: correlationIdOf(req),
      });
    } catch (error) {
      if (error instanceof EscalationNotFoundError) throw ProblemException.notFound(error.message);
      if (error instanceof EscalationAlreadySettledError) {
        throw ProblemException.conflict('escalation-not-open', error.message, { currentState: error.state });
      }
      throw error;
    }
  }
}

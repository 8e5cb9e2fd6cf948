import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '@complaints/http-api';
import {
  AssignmentView,
  ESCALATION_QUERIES,
  EscalationQueries,
} from '../../application/ports/escalation-queries';
import { AssignmentsQuery } from './assignments.query';

@ApiTags('escalations')
@Controller('v1/assignments')
export class AssignmentsController {
  constructor(@Inject(ESCALATION_QUERIES) private readonly queries: EscalationQueries) {}

  @Get()
  @RequireScopes('complaints:read', 'ops:read')
  @ApiOperation({
    summary:
      'Which team and level own which complaints now (newest assignment first), with the latest SLA warning',
  })
  async list(@Query() query: AssignmentsQuery): Promise<{ items: AssignmentView[] }> {
    const items = await this.queries.assignments(
      { complaintId: query.complaintId, team: query.team, level: query.level },
      query.limit ?? 50,
    );
    return { items };
  }
}

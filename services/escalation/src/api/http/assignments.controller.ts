import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '@complaints/http-api';
import { ASSIGNMENT_STORE, AssignmentStore } from '../../application/ports/assignment-store';
import { AssignmentsQuery } from './assignments.query';

@ApiTags('escalations')
@Controller('v1/assignments')
export class AssignmentsController {
  constructor(@Inject(ASSIGNMENT_STORE) private readonly store: AssignmentStore) {}

  @Get()
  @RequireScopes('complaints:read', 'ops:read')
  @ApiOperation({ summary: 'Which team and level own which complaints (newest first)' })
  async list(@Query() query: AssignmentsQuery): Promise<object> {
    const items = await this.store.list(query, query.limit ?? 50);
    return { items };
  }
}

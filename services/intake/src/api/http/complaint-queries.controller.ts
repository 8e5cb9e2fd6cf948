import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Caller, CurrentCaller, ProblemException, RequireScopes, UuidParamPipe } from '@complaints/http-api';
import { COMPLAINT_QUERIES, ComplaintQueries } from '../../application/ports/complaint-queries';
import { presentComplaint } from './complaint.presenter';
import { decodeCursor, encodeCursor, ListComplaintsQuery } from './list-complaints.query';

@ApiTags('complaints')
@Controller('v1/complaints')
export class ComplaintQueriesController {
  constructor(@Inject(COMPLAINT_QUERIES) private readonly queries: ComplaintQueries) {}

  @Get()
  @RequireScopes('complaints:read', 'ops:read')
  @ApiOperation({ summary: 'Complaints, newest first, filtered; cursor pagination' })
  async list(@Query() query: ListComplaintsQuery): Promise<object> {
    const after = query.cursor ? decodeCursor(query.cursor) : undefined;
    if (after === null) {
      throw ProblemException.validation([
        { field: 'cursor', messages: ['cursor is not one this API returned'] },
      ]);
    }
    const limit = query.limit ?? 50;
    const items = await this.queries.list({
      status: query.status,
      category: query.category,
      channel: query.channel,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      after,
      limit,
    });
    const last = items[items.length - 1];
    return {
      items,
      nextCursor: items.length === limit && last ? encodeCursor(last.receivedAt, last.id) : null,
    };
  }

  @Get(':id')
  @RequireScopes('complaints:read', 'ops:read')
  @ApiOperation({
    summary: 'A complaint: status, details, classification and owning team (PII masked unless admin)',
  })
  async get(@Param('id', UuidParamPipe) id: string, @CurrentCaller() caller: Caller): Promise<object> {
    const view = await this.queries.find(id);
    if (!view) throw ProblemException.notFound(`no complaint ${id}`);
    const history = (await this.queries.audit(id)) ?? [];
    return { ...presentComplaint(view, caller.scopes.includes('admin')), history };
  }

  @Get(':id/audit')
  @RequireScopes('complaints:read', 'ops:read')
  @ApiOperation({ summary: 'Every transition of a complaint: who, when, from, to, why' })
  async audit(@Param('id', UuidParamPipe) id: string): Promise<object> {
    const entries = await this.queries.audit(id);
    if (!entries) throw ProblemException.notFound(`no complaint ${id}`);
    return { complaintId: id, entries };
  }
}

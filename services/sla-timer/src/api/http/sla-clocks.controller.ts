import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemException, RequireScopes, UuidParamPipe } from '@complaints/http-api';
import { SlaViewService } from '../../application/sla-views.service';
import { AtRiskQuery, BreachesQuery } from './dto/sla-queries.request';
import { decodeCursor, encodeCursor } from './page-cursor';

@ApiTags('sla')
@Controller('v1/sla')
export class SlaClocksController {
  constructor(@Inject(SlaViewService) private readonly views: SlaViewService) {}

  @Get('complaints/:id')
  @RequireScopes('complaints:read', 'ops:read')
  @ApiOperation({
    summary: 'Every clock of a complaint: kind, policy, start, due time, state and remaining (business) time',
  })
  async clocksOf(@Param('id', UuidParamPipe) id: string): Promise<object> {
    const clocks = await this.views.clocksOf(id);
    if (clocks.length === 0) throw ProblemException.notFound(`no clocks for complaint ${id}`);
    return { complaintId: id, clocks };
  }

  @Get('breaches')
  @RequireScopes('ops:read')
  @ApiOperation({ summary: 'Breached clocks, newest breach first (cursor pagination)' })
  async breaches(@Query() query: BreachesQuery): Promise<object> {
    const page = await this.views.breaches({
      kind: query.kind,
      policyId: query.policyId,
      state: query.state,
      from: query.from ? new Date(query.from) : undefined,
      to: query.to ? new Date(query.to) : undefined,
      after: decodeCursor(query.cursor),
      limit: query.limit,
    });
    return { items: page.items, next: encodeCursor(page.next) };
  }

  @Get('at-risk')
  @RequireScopes('ops:read')
  @ApiOperation({ summary: 'Running clocks due within withinMinutes, soonest first (cursor pagination)' })
  async atRisk(@Query() query: AtRiskQuery): Promise<object> {
    const page = await this.views.atRisk(query.withinMinutes, {
      kind: query.kind,
      policyId: query.policyId,
      after: decodeCursor(query.cursor),
      limit: query.limit,
    });
    return { withinMinutes: query.withinMinutes, items: page.items, next: encodeCursor(page.next) };
  }
}

import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { RequireScopes } from '@complaints/http-api';
import {
  ESCALATION_QUERIES,
  EscalationQueries,
  InvalidCursorError,
  Page,
  RiskWarningView,
} from '../../application/ports/escalation-queries';
import { invalidCursor } from './field-problems';
import { RiskWarningsQuery } from './risk-warnings.query';

@ApiTags('risk warnings')
@Controller('v1/risk-warnings')
export class RiskWarningsController {
  constructor(@Inject(ESCALATION_QUERIES) private readonly queries: EscalationQueries) {}

  @Get()
  @RequireScopes('ops:read', 'complaints:read')
  @ApiOperation({
    summary:
      'Risk warnings raised, newest first: a rate of a category, team or channel that reached its threshold',
  })
  async list(@Query() query: RiskWarningsQuery): Promise<Page<RiskWarningView>> {
    try {
      return await this.queries.riskWarnings(
        { dimension: query.dimension, key: query.key, metric: query.metric, from: query.from, to: query.to },
        { limit: query.limit ?? 50, cursor: query.cursor },
      );
    } catch (error) {
      if (error instanceof InvalidCursorError) throw invalidCursor(error);
      throw error;
    }
  }
}

import { Controller, Get, Inject, Param, ParseUUIDPipe } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ProblemException, RequireScopes } from '@complaints/http-api';
import { Clock, CLOCK } from '../../domain/clock';
import { CLOCK_STORE, ClockStore } from '../../application/ports/clock-store';

@ApiTags('sla')
@Controller('v1/sla')
export class SlaController {
  constructor(
    @Inject(CLOCK_STORE) private readonly store: ClockStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('complaints/:id')
  @RequireScopes('complaints:read', 'ops:read')
  @ApiOperation({
    summary: 'Every clock of a complaint: kind, policy, start, due time, state and time remaining',
  })
  async clocksOf(@Param('id', new ParseUUIDPipe()) id: string): Promise<object> {
    const clocks = await this.store.clocksOf(id);
    if (clocks.length === 0) throw ProblemException.notFound(`no clocks for complaint ${id}`);
    const now = this.clock.now().getTime();
    return {
      complaintId: id,
      clocks: clocks.map((c) => ({ ...c, remainingMs: Math.max(0, new Date(c.dueAt).getTime() - now) })),
    };
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { COMPLAINT_CLASSIFIED, EnvelopeOf, SLA_STARTED } from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { StartClocksService } from '../../application/start-clocks.service';

/** complaint.classified -> first-response clock with durable timers + sla.started. */
@Injectable()
export class StartClocksOnClassifiedHandler implements EventHandler<typeof COMPLAINT_CLASSIFIED> {
  readonly name = 'start-clocks-on-classified';
  readonly consumes = [COMPLAINT_CLASSIFIED] as const;

  constructor(@Inject(StartClocksService) private readonly startClocks: StartClocksService) {}

  async handle(event: EnvelopeOf<typeof COMPLAINT_CLASSIFIED>, ctx: HandlerContext): Promise<void> {
    const started = await this.startClocks.execute(event.data, event, ctx.em);
    if (started) {
      await ctx.emit({
        type: SLA_STARTED,
        subject: event.subject,
        data: started,
        time: new Date(started.startedAt),
      });
    }
  }
}

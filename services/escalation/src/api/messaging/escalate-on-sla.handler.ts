import { Inject, Injectable } from '@nestjs/common';
import { EnvelopeOf, SLA_BREACHED, SLA_WARNING } from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { ApplyComplaintFactsService } from '../../application/apply-complaint-facts.service';
import { flowOf } from './handler-flow';

type SlaEvent = typeof SLA_BREACHED | typeof SLA_WARNING;

/**
 * sla.breached -> one level up (complaint.escalated with the breached clock), once per breach;
 * sla.warning -> kept as the owner's latest warning (notification tells the owning team).
 */
@Injectable()
export class EscalateOnSlaHandler implements EventHandler<SlaEvent> {
  readonly name = 'escalate-on-sla';
  readonly consumes = [SLA_BREACHED, SLA_WARNING] as const;

  constructor(@Inject(ApplyComplaintFactsService) private readonly facts: ApplyComplaintFactsService) {}

  async handle(event: EnvelopeOf<SlaEvent>, ctx: HandlerContext): Promise<void> {
    if (event.type === SLA_BREACHED) await this.facts.breached(ctx.em, event.data, flowOf(event, ctx));
    else await this.facts.warned(ctx.em, event.data, flowOf(event, ctx));
  }
}

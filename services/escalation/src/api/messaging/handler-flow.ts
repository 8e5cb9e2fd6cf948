import { AnyEnvelope } from '@complaints/contracts';
import { HandlerContext } from '@complaints/kafka';
import { EventFlow } from '../../application/apply-complaint-facts.service';

/** Follow-up events go through the consumer host (same transaction, correlation and causation of the event). */
export function flowOf(event: Pick<AnyEnvelope, 'correlationid'>, ctx: HandlerContext): EventFlow {
  return { sink: { emit: (followUp) => ctx.emit(followUp) }, correlationId: event.correlationid };
}

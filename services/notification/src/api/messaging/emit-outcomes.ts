import { HandlerContext } from '@complaints/kafka';
import { OutcomeEnvelope } from '../../application/ports/delivery-store';

/** notification.failed for deliveries found undeliverable while planning, in the consumer's transaction. */
export async function emitOutcomes(ctx: HandlerContext, outcomes: OutcomeEnvelope[]): Promise<void> {
  for (const o of outcomes) {
    if (o.event.type === 'notification.failed') {
      await ctx.emit({ type: 'notification.failed', subject: o.subject, data: o.event.data, time: o.time });
    } else {
      await ctx.emit({ type: 'notification.sent', subject: o.subject, data: o.event.data, time: o.time });
    }
  }
}

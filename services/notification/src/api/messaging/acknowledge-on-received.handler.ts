import { Inject, Injectable } from '@nestjs/common';
import {
  COMPLAINT_RECEIVED,
  EnvelopeOf,
  NOTIFICATION_FAILED,
  NOTIFICATION_SENT,
} from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { AcknowledgeReceiptService } from '../../application/acknowledge-receipt.service';

/** complaint.received -> customer acknowledgement + notification.sent (or .failed). */
@Injectable()
export class AcknowledgeOnReceivedHandler implements EventHandler<typeof COMPLAINT_RECEIVED> {
  readonly name = 'acknowledge-on-received';
  readonly consumes = [COMPLAINT_RECEIVED] as const;

  constructor(@Inject(AcknowledgeReceiptService) private readonly acknowledge: AcknowledgeReceiptService) {}

  async handle(event: EnvelopeOf<typeof COMPLAINT_RECEIVED>, ctx: HandlerContext): Promise<void> {
    const outcome = await this.acknowledge.execute(event.data, event.id, ctx.em);
    if (outcome.kind === 'sent')
      await ctx.emit({ type: NOTIFICATION_SENT, subject: event.subject, data: outcome.data });
    if (outcome.kind === 'failed')
      await ctx.emit({ type: NOTIFICATION_FAILED, subject: event.subject, data: outcome.data });
  }
}

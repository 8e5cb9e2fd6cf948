import { COMPLAINT_CLASSIFIED, COMPLAINT_RECLASSIFIED, EnvelopeOf } from '@complaints/contracts';
import { HandlerContext } from '@complaints/kafka';
import { ClassificationInput } from '../../application/apply-classification.service';
import { SlaEventDraft } from '../../application/sla-event-draft';

export function classificationInput(
  event: EnvelopeOf<typeof COMPLAINT_CLASSIFIED> | EnvelopeOf<typeof COMPLAINT_RECLASSIFIED>,
): ClassificationInput {
  const { complaintId, priority, urgency, category, channel, receivedAt, revision } = event.data;
  return {
    complaintId,
    classification: { priority, urgency, category, channel, receivedAt: new Date(receivedAt), revision },
    eventId: event.id,
    correlation: event.correlationid,
  };
}

/** Follow-up events in the handler's transaction, in the order the clocks changed. */
export async function emitAll(ctx: HandlerContext, drafts: SlaEventDraft[]): Promise<void> {
  for (const draft of drafts) await ctx.emit(draft);
}

import { Inject, Injectable } from '@nestjs/common';
import {
  COMPLAINT_CLOSED,
  COMPLAINT_FEEDBACK_RECEIVED,
  COMPLAINT_REOPENED,
  COMPLAINT_RESOLVED,
  COMPLAINT_WITHDRAWN,
  EnvelopeOf,
} from '@complaints/contracts';
import { EventHandler, HandlerContext } from '@complaints/kafka';
import { ApplyComplaintFactsService } from '../../application/apply-complaint-facts.service';
import { flowOf } from './handler-flow';

type LifecycleEvent =
  | typeof COMPLAINT_REOPENED
  | typeof COMPLAINT_RESOLVED
  | typeof COMPLAINT_CLOSED
  | typeof COMPLAINT_WITHDRAWN
  | typeof COMPLAINT_FEEDBACK_RECEIVED;

/**
 * Lifecycle events: a reopened complaint goes up one level, a resolution (or closing, or withdrawal) closes the
 * open escalation, a satisfaction score counts towards the low-satisfaction rates. Stale versions change nothing.
 */
@Injectable()
export class FollowLifecycleHandler implements EventHandler<LifecycleEvent> {
  readonly name = 'follow-lifecycle';
  readonly consumes = [
    COMPLAINT_REOPENED,
    COMPLAINT_RESOLVED,
    COMPLAINT_CLOSED,
    COMPLAINT_WITHDRAWN,
    COMPLAINT_FEEDBACK_RECEIVED,
  ] as const;

  constructor(@Inject(ApplyComplaintFactsService) private readonly facts: ApplyComplaintFactsService) {}

  async handle(event: EnvelopeOf<LifecycleEvent>, ctx: HandlerContext): Promise<void> {
    const flow = flowOf(event, ctx);
    switch (event.type) {
      case COMPLAINT_REOPENED:
        return this.facts.reopened(ctx.em, event.data, flow);
      case COMPLAINT_FEEDBACK_RECEIVED:
        return this.facts.feedback(ctx.em, event.data, flow);
      default:
        return this.facts.settled(ctx.em, event.data, flow);
    }
  }
}

import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import {
  ComplaintClassifiedV1,
  ComplaintFeedbackReceivedV1,
  LifecycleFields,
  SlaBreachedV1,
  SlaWarningV1,
} from '@complaints/contracts';
import { Clock, CLOCK } from '../domain/clock';
import { CaseWorkflow } from './case-workflow.service';
import { CASE_STORE, CaseStore } from './ports/case-store';
import { EventSink } from './ports/event-sink';

/** The flow an event belongs to: new escalations keep its correlation id for the events their timers cause. */
export interface EventFlow {
  sink: EventSink;
  correlationId: string;
}

/**
 * What escalation does with each fact other services announce. Every method runs in the consumer's transaction,
 * so the inbox row, the case, its escalations and their events commit together.
 */
@Injectable()
export class ApplyComplaintFactsService {
  constructor(
    @Inject(CaseWorkflow) private readonly workflow: CaseWorkflow,
    @Inject(CASE_STORE) private readonly cases: CaseStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async classified(em: EntityManager, d: ComplaintClassifiedV1, flow: EventFlow): Promise<void> {
    await this.workflow.apply(em, d.complaintId, flow.sink, flow, (c) =>
      c.classify({
        revision: d.revision,
        category: d.category,
        subcategory: d.subcategory,
        channel: d.channel,
        product: d.product,
        risk: d.risk,
        urgency: d.urgency,
        signals: d.signals,
        vulnerable: d.vulnerable,
        receivedAt: new Date(d.receivedAt),
      }),
    );
  }

  /** One breach (clock and due time) escalates once, whichever events carry it and however often. */
  async breached(em: EntityManager, d: SlaBreachedV1, flow: EventFlow): Promise<void> {
    const breach = {
      complaintId: d.complaintId,
      clockId: d.clockId,
      clock: d.kind,
      dueAt: new Date(d.dueAt),
      breachedAt: new Date(d.breachedAt),
    };
    // The case lock comes first, as everywhere, so breach facts and cases are always locked in one order.
    await this.cases.lock(em, d.complaintId);
    if (!(await this.cases.recordBreach(em, breach, this.clock.now()))) return;
    await this.workflow.apply(em, d.complaintId, flow.sink, flow, (c) => c.breach(breach));
  }

  async warned(em: EntityManager, d: SlaWarningV1, flow: EventFlow): Promise<void> {
    await this.workflow.apply(em, d.complaintId, flow.sink, flow, (c) =>
      c.warn({
        clockId: d.clockId,
        clock: d.kind,
        threshold: d.threshold,
        dueAt: new Date(d.dueAt),
        occurredAt: new Date(d.occurredAt),
      }),
    );
  }

  async reopened(em: EntityManager, d: LifecycleFields, flow: EventFlow): Promise<void> {
    await this.workflow.apply(em, d.complaintId, flow.sink, flow, (c) => c.reopen(lifecycleFact(d)));
  }

  /** Resolved, closed or withdrawn: the open escalation closes. */
  async settled(em: EntityManager, d: LifecycleFields, flow: EventFlow): Promise<void> {
    await this.workflow.apply(em, d.complaintId, flow.sink, flow, (c) => c.settle(lifecycleFact(d)));
  }

  async feedback(em: EntityManager, d: ComplaintFeedbackReceivedV1, flow: EventFlow): Promise<void> {
    await this.workflow.apply(em, d.complaintId, flow.sink, flow, (c) =>
      c.feedback({ ...lifecycleFact(d), satisfaction: d.satisfaction }),
    );
  }
}

function lifecycleFact(d: LifecycleFields): { version: number; status: string; at: Date } {
  return { version: d.version, status: d.status, at: new Date(d.occurredAt) };
}

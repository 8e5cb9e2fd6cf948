import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ComplaintClassifiedV1, SlaStartedV1 } from '@complaints/contracts';
import { firstResponseClock } from '../domain/sla-policy';
import { CLOCK_STORE, ClockStore } from './ports/clock-store';

/** Warning thresholds as fractions of the target (policy data in issue #5; the standards' 50% and 80% here). */
const WARNING_FRACTIONS = [0.5, 0.8];

/**
 * Starts the first-response clock when a complaint is classified (its urgency decides the target). A second
 * classification of the same complaint does not start another clock; recomputing on reclassification is #5.
 */
@Injectable()
export class StartClocksService {
  constructor(@Inject(CLOCK_STORE) private readonly store: ClockStore) {}

  async execute(
    classified: ComplaintClassifiedV1,
    cause: { id: string; correlationid: string },
    em: EntityManager,
  ): Promise<SlaStartedV1 | null> {
    const start = firstResponseClock(
      await this.store.policies(em),
      classified.urgency,
      new Date(classified.receivedAt),
    );
    const span = start.dueAt.getTime() - start.startedAt.getTime();
    const id = randomUUID();
    const started = await this.store.start(em, {
      id,
      complaintId: classified.complaintId,
      kind: start.kind,
      policyId: start.policy.id,
      startedAt: start.startedAt,
      dueAt: start.dueAt,
      correlation: cause.correlationid,
      causedBy: cause.id,
      timers: [
        ...WARNING_FRACTIONS.map((f) => ({
          purpose: `warning:${f}`,
          fireAt: new Date(start.startedAt.getTime() + span * f),
        })),
        { purpose: 'breach', fireAt: start.dueAt },
      ],
    });
    if (!started) return null;
    return {
      complaintId: classified.complaintId,
      clockId: id,
      kind: start.kind,
      policyId: start.policy.id,
      dueAt: start.dueAt.toISOString(),
      occurredAt: start.startedAt.toISOString(),
      startedAt: start.startedAt.toISOString(),
      businessTime: start.policy.businessTime,
      targetMinutes: start.policy.targetMinutes,
    };
  }
}

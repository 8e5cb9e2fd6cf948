import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { createEnvelope } from '@complaints/contracts';
import { OutboxWriter } from '@complaints/kafka';
import { AlertPublisher } from '../../application/ports/alert-publisher';
import { SlaEventDraft } from '../../application/sla-event-draft';
import { alertsChannel } from '../persistence/timer-channels';
import { SLA_SCHEMA } from '../persistence/typeorm-clock.store';

/**
 * Timer-fired events have no causing event: they carry the correlation of the event that last moved the clock
 * and no causation id. They go to the outbox (Kafka) and, as NOTIFY payloads delivered on commit, to the live
 * feed of every replica.
 */
@Injectable()
export class OutboxAlertPublisher implements AlertPublisher {
  constructor(
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(SLA_SCHEMA) private readonly schema: string,
  ) {}

  async publish(em: EntityManager, alerts: { draft: SlaEventDraft; correlation: string }[]): Promise<void> {
    if (alerts.length === 0) return;
    const envelopes = alerts.map(({ draft, correlation }) =>
      createEnvelope({ ...draft, source: 'sla-timer', correlationid: correlation }),
    );
    await this.outbox.enqueue(em, envelopes);
    await em.query('SELECT pg_notify($1, payload) FROM unnest($2::text[]) AS payload', [
      alertsChannel(this.schema),
      envelopes.map((e) => JSON.stringify(e)),
    ]);
  }
}

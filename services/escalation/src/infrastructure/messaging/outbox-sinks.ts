import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { createEnvelope } from '@complaints/contracts';
import { OutboxWriter } from '@complaints/kafka';
import { EventSink, OutboxSinks } from '../../application/ports/event-sink';
import { Clock, CLOCK } from '../../domain/clock';

/**
 * Events from HTTP requests and timers: validated envelopes written to the outbox in the caller's transaction.
 * The envelope's time is the injected clock's (data); the Kafka record's timestamp is the producer's own.
 */
@Injectable()
export class OutboxEventSinks implements OutboxSinks {
  constructor(
    @Inject(OutboxWriter) private readonly outbox: OutboxWriter,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  sinkFor(em: EntityManager, flow: { correlationId: string; causationId?: string }): EventSink {
    return {
      emit: async (event) => {
        const envelope = createEnvelope({
          ...event,
          source: 'escalation',
          correlationid: flow.correlationId,
          ...(flow.causationId ? { causationid: flow.causationId } : {}),
          time: this.clock.now(),
        });
        await this.outbox.enqueue(em, [envelope]);
      },
    };
  }
}

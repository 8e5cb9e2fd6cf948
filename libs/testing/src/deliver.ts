import { randomUUID } from 'node:crypto';
import { createEnvelope, EVENT_CATALOGUE, EventEnvelope, EventType, NewEvent } from '@complaints/contracts';
import { TopicProbe } from './topic-probe';

/** A catalogued event with fresh ids: the example data with the changes a test needs. */
export function freshEvent<T extends EventType>(event: NewEvent<T>): EventEnvelope<T> {
  return createEnvelope({ ...event, id: randomUUID() }) as EventEnvelope<T>;
}

/** Puts an envelope on its topic exactly as the relay would (key = subject, ce_* headers); `times` redelivers it. */
export async function deliver(probe: TopicProbe, envelope: EventEnvelope, times = 1): Promise<void> {
  const topic = EVENT_CATALOGUE[envelope.type as EventType].topic;
  for (let i = 0; i < times; i++) {
    await probe.send(topic, envelope.subject, JSON.stringify(envelope), {
      'content-type': 'application/cloudevents+json; charset=UTF-8',
      ce_id: envelope.id,
      ce_type: envelope.type,
      ce_schemaversion: String(envelope.schemaversion),
    });
  }
}

import { IHeaders, Message } from 'kafkajs';
import { EventEnvelope } from '@complaints/contracts';

/**
 * CloudEvents Kafka binding, structured mode: the whole envelope is the value; ce_* headers repeat the routing
 * attributes so consumers can skip types they do not handle without parsing JSON. The key is the subject
 * (complaint id), which keeps one complaint's events in order on a partition.
 */
export function toKafkaMessage(envelope: EventEnvelope, extraHeaders: Record<string, string> = {}): Message {
  const headers: IHeaders = {
    'content-type': 'application/cloudevents+json; charset=UTF-8',
    ce_id: envelope.id,
    ce_type: envelope.type,
    ce_schemaversion: String(envelope.schemaversion),
    ...extraHeaders,
  };
  return { key: envelope.subject, value: JSON.stringify(envelope), headers };
}

export function headerValue(headers: IHeaders | undefined, name: string): string | undefined {
  const raw = headers?.[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return value === undefined ? undefined : value.toString();
}

import { EnvelopeAttributes } from '../envelope/envelope-attributes';
import type { JsonSchema } from './json-schemas';

/**
 * What each envelope attribute means. Keyed by EnvelopeAttributes so a new attribute cannot be added to the
 * envelope check without being described in the document.
 */
const ATTRIBUTE_DESCRIPTIONS: Record<keyof EnvelopeAttributes, string> = {
  specversion: 'CloudEvents specification version.',
  id: 'Unique per event. Consumers deduplicate on it: a redelivered or re-relayed event keeps its id.',
  source: 'The producing service: urn:complaints:<service>.',
  type: 'The event type, e.g. complaint.received; selects the data contract.',
  schemaversion: 'Major version of the data contract (a CloudEvents extension attribute).',
  subject:
    'The complaint id, also the Kafka key; fleet-wide events (risk warnings) use risk:<dimension>:<key>.',
  time: 'When the fact happened (not when it was published), RFC 3339 in UTC.',
  datacontenttype: 'Always application/json.',
  correlationid: 'One per originating request or business flow, copied unchanged along the causal chain.',
  causationid:
    'The id of the event (or request) that directly caused this one; may be absent, e.g. for timer-fired events.',
  data: 'The event data, as defined by the contract of type and schemaversion.',
};

/** The derived envelope schema with descriptions, for readers of the document. */
export function describeEnvelopeSchema(derived: JsonSchema): JsonSchema {
  const properties = derived.properties as Record<string, JsonSchema>;
  const described = Object.fromEntries(
    Object.entries(properties).map(([name, schema]) => [
      name,
      { description: ATTRIBUTE_DESCRIPTIONS[name as keyof EnvelopeAttributes], ...schema },
    ]),
  );
  return {
    description:
      'A CloudEvents 1.0 event in structured JSON mode. Unknown attributes are ignored by consumers; data is ' +
      'validated against its contract, ignoring unknown fields.',
    ...derived,
    properties: described,
  };
}

import { PoisonMessageError } from '../envelope/errors';

/** The prose of the document, kept apart from the structure so each is readable. */
export const DOCUMENT_TITLE = 'Complaint handling platform events';

export const DOCUMENT_DESCRIPTION = `Every event the complaint handling platform publishes on Kafka, with its data contract and an example.

**Envelope.** Every record value is a CloudEvents 1.0 event in structured JSON mode (content-type \`application/cloudevents+json; charset=UTF-8\`): \`specversion\`, \`id\`, \`source\`, \`type\`, \`schemaversion\` (the major version of \`data\`), \`subject\`, \`time\`, \`datacontenttype\`, \`correlationid\`, optional \`causationid\`, and \`data\`. The record headers \`ce_id\`, \`ce_type\` and \`ce_schemaversion\` copy those attributes so a consumer can route or skip a record without parsing it; the envelope stays authoritative.

**Key and ordering.** The record key is the envelope \`subject\`: the complaint id (fleet-wide risk warnings use \`risk:<dimension>:<key>\`). Kafka keeps order per key within a partition, so the events about one complaint arrive in the order they were written on their topic. Across topics there is no order: the \`version\` (lifecycle) and \`revision\` (classification) fields in \`data\` tell a stale event from a newer one.

**Delivery.** At least once, through a transactional outbox. A redelivered event keeps its \`id\`; consumers deduplicate on it.

**Dead letters.** A record its consumer can never process (malformed JSON, broken envelope, unknown type or version, data breaking its contract, or a handler still failing after its retries) is copied unchanged to that consumer's \`complaints.<consumer>.dlq\` topic with \`x-original-*\` and \`x-error-*\` headers saying where it came from and why, and the consumer moves on.

**Personal data.** No clear-text personal data is ever on the wire. Customers appear only as masked values (\`张*\`, \`138****5678\`) and a keyed hash; their contact details travel encrypted (AES-256-GCM) for the notification service, the only holder of the key; free text has personal identifiers masked at intake.

**Compatibility.** Consumers are tolerant readers: they ignore unknown attributes and unknown \`data\` fields, and take a default branch on an enum value they do not know. Adding an optional field or an enum value keeps \`schemaversion\`; any other change is a new version, deployed to consumers before producers.`;

export const LOCAL_SERVER_DESCRIPTION =
  'The single-node development broker of `npm run kafka:start` (deploy/local/kafka.sh).';

/**
 * Why a record is dead-lettered: every PoisonMessageError reason (keyed by the type, so a new reason cannot be left
 * out) plus the consumer host's own two for handlers that refuse or keep failing.
 */
export const DEAD_LETTER_REASONS: Record<
  PoisonMessageError['reason'] | 'unprocessable' | 'handler-failed',
  string
> = {
  'malformed-json': 'the value is not JSON',
  'invalid-envelope': 'not a valid CloudEvents envelope',
  'unknown-type': 'no contract for the type',
  'unsupported-version': 'a schemaversion the consumer does not support',
  'invalid-data': 'data breaking its contract',
  unprocessable: 'the handler rejected the event as permanently unprocessable',
  'handler-failed': 'the handler kept failing until its retries ran out',
};

export const POISON_MESSAGE_DESCRIPTION =
  'The original record (key, value and headers) unchanged, plus headers saying where it came from ' +
  '(`x-original-topic`, `x-original-partition`, `x-original-offset`, `x-consumer`) and why the consumer gave up ' +
  '(`x-error-reason`, `x-error-message`, `x-attempts`, `x-failed-at`). Reasons: ' +
  Object.entries(DEAD_LETTER_REASONS)
    .map(([reason, meaning]) => `\`${reason}\` (${meaning})`)
    .join(', ') +
  '. Inspect, fix, and replay to the original topic.';

/** Human title of an event type: `sla.warning` -> `SLA warning`, `complaint.awaiting-customer` -> `Complaint awaiting customer`. */
export function titleOf(type: string): string {
  const words = type.split(/[.-]/).map((word) => (word === 'sla' ? 'SLA' : word));
  const [first = '', ...rest] = words;
  return [first.charAt(0).toUpperCase() + first.slice(1), ...rest].join(' ');
}

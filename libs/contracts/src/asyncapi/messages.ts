import { EVENT_CATALOGUE, EventType } from '../catalogue';
import { exampleEnvelope, FIXTURES_DIR, fixtureFileName } from '../examples/example-envelopes';
import { SERVICE_NAMES, sourceOf } from '../envelope/event-envelope';
import { DEAD_LETTER_REASONS, POISON_MESSAGE_DESCRIPTION, titleOf } from './document-text';
import { ContractSchemas, ENVELOPE_SCHEMA_NAME, JsonSchema, SCHEMA_REF_PREFIX } from './json-schemas';

export const KAFKA_BINDING_VERSION = '0.5.0';
export const EVENT_CONTENT_TYPE = 'application/cloudevents+json';
/** The Kafka record's content-type header, as the CloudEvents Kafka binding asks for structured mode. */
export const RECORD_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';
export const POISON_MESSAGE_ID = 'poison-message';
export const CORRELATION_ID_NAME = 'correlationid';

const schemaRef = (name: string) => ({ $ref: `${SCHEMA_REF_PREFIX}${name}` });

/** The components.messages entry of an event type: envelope + data schema, record headers and key, and an example. */
export function eventMessage(type: EventType, schemas: ContractSchemas): JsonSchema {
  const entry = EVENT_CATALOGUE[type];
  const dataSchemaName = schemas.dataSchemaNames[type];
  const example = exampleEnvelope(type);
  return {
    name: type,
    title: titleOf(type),
    summary: entry.summary,
    contentType: EVENT_CONTENT_TYPE,
    correlationId: { $ref: `#/components/correlationIds/${CORRELATION_ID_NAME}` },
    headers: recordHeadersSchema(type, entry.version),
    payload: {
      allOf: [
        schemaRef(ENVELOPE_SCHEMA_NAME),
        {
          type: 'object',
          properties: {
            source: { const: sourceOf(entry.producer) },
            type: { const: type },
            schemaversion: { const: entry.version },
            data: schemaRef(dataSchemaName),
          },
        },
      ],
    },
    bindings: {
      kafka: { key: keySchema(schemas.components[dataSchemaName]), bindingVersion: KAFKA_BINDING_VERSION },
    },
    examples: [
      {
        name: fixtureFileName(type).replace(/\.json$/, ''),
        summary: `Also in ${FIXTURES_DIR}/${fixtureFileName(type)}.`,
        headers: {
          'content-type': RECORD_CONTENT_TYPE,
          ce_id: example.id,
          ce_type: example.type,
          ce_schemaversion: String(example.schemaversion),
        },
        payload: example,
      },
    ],
  };
}

/** The message of every dead-letter topic: whatever its consumer could not process, byte for byte. */
export function poisonMessage(): JsonSchema {
  return {
    name: POISON_MESSAGE_ID,
    title: 'Poison message',
    summary: 'A record its consumer can never process, parked with the reason.',
    description: POISON_MESSAGE_DESCRIPTION,
    contentType: 'application/octet-stream',
    headers: deadLetterHeadersSchema(),
    payload: { description: 'The original record value, unchanged; it may not even be JSON.' },
    bindings: {
      kafka: {
        key: { type: 'string', description: 'The original record key.' },
        bindingVersion: KAFKA_BINDING_VERSION,
      },
    },
  };
}

export function correlationIds(): JsonSchema {
  return {
    [CORRELATION_ID_NAME]: {
      description: 'One per originating request or business flow, copied unchanged along the causal chain.',
      location: '$message.payload#/correlationid',
    },
  };
}

/**
 * The headers libs/kafka's DeadLetterPublisher adds (the original record's headers are kept beside them). Named
 * here, not imported: the contract lib depends on no transport code.
 */
function deadLetterHeadersSchema(): JsonSchema {
  const text = (description: string) => ({ type: 'string', description });
  return {
    type: 'object',
    description: 'The original record headers are kept as they were, beside these.',
    required: [
      'x-original-topic',
      'x-original-partition',
      'x-original-offset',
      'x-consumer',
      'x-error-reason',
      'x-error-message',
      'x-attempts',
      'x-failed-at',
    ],
    properties: {
      'x-original-topic': text('The topic the record was consumed from.'),
      'x-original-partition': { ...text('Its partition, as a decimal string.'), pattern: '^\\d+$' },
      'x-original-offset': { ...text('Its offset, as a decimal string.'), pattern: '^\\d+$' },
      'x-consumer': { ...text('The consuming service that gave up.'), enum: [...SERVICE_NAMES] },
      'x-error-reason': { ...text('Why it gave up.'), enum: Object.keys(DEAD_LETTER_REASONS) },
      'x-error-message': { ...text('The error, at most 4000 characters.'), maxLength: 4000 },
      'x-attempts': { ...text('How many times the handler ran, as a decimal string.'), pattern: '^\\d+$' },
      'x-failed-at': { ...text('When it was dead-lettered.'), format: 'date-time' },
    },
  };
}

function recordHeadersSchema(type: EventType, version: number): JsonSchema {
  return {
    type: 'object',
    required: ['content-type', 'ce_id', 'ce_type', 'ce_schemaversion'],
    properties: {
      'content-type': { type: 'string', const: RECORD_CONTENT_TYPE },
      ce_id: { type: 'string', format: 'uuid', description: 'Copy of the envelope id.' },
      ce_type: { type: 'string', const: type, description: 'Copy of the envelope type.' },
      ce_schemaversion: {
        type: 'string',
        const: String(version),
        description: 'Copy of the envelope schemaversion, as a decimal string.',
      },
    },
  };
}

/** Events about one complaint are keyed by its id; the others (risk warnings) by their own subject. */
function keySchema(dataSchema: JsonSchema | undefined): JsonSchema {
  const required = Array.isArray(dataSchema?.required) ? (dataSchema.required as unknown[]) : [];
  return required.includes('complaintId')
    ? { type: 'string', format: 'uuid', description: 'The complaint id (= the envelope subject).' }
    : { type: 'string', description: 'The envelope subject; this event is about no single complaint.' };
}

import { exampleEnvelope } from '../examples/example-envelopes';
import { PoisonMessageError } from './errors';
import { parseEnvelope } from './parse-envelope';

type Json = Record<string, unknown>;

/** A fresh, valid complaint.received envelope as plain JSON, for a test to break. */
function validEnvelope(): Json {
  return structuredClone(exampleEnvelope('complaint.received')) as unknown as Json;
}

function dataOf(envelope: Json): Json {
  return envelope.data as Json;
}

function poisonOf(raw: string): Pick<PoisonMessageError, 'reason' | 'details'> {
  try {
    parseEnvelope(raw);
  } catch (error: unknown) {
    if (error instanceof PoisonMessageError) return { reason: error.reason, details: error.details };
    throw error;
  }
  throw new Error('parseEnvelope accepted a message it should have rejected');
}

describe('parseEnvelope', () => {
  it('reads a valid envelope from the raw bytes of a record', () => {
    // Given a valid envelope as the bytes a Kafka record value holds
    const envelope = validEnvelope();

    // When it is parsed
    const parsed = parseEnvelope(Buffer.from(JSON.stringify(envelope), 'utf8'));

    // Then the attributes and data come back as sent
    expect(JSON.parse(JSON.stringify(parsed))).toStrictEqual(envelope);
  });

  it('rejects bytes that are not JSON as malformed-json', () => {
    // Given a truncated value
    const raw = '{"specversion":"1.0","id":';

    // When it is parsed, then it is poison, and never worth a retry
    expect(poisonOf(raw)).toEqual({ reason: 'malformed-json', details: [expect.any(String)] });
  });

  it.each(['[]', '42', 'null', 'true', '"complaint.received"'])(
    'rejects the JSON value %s as invalid-envelope',
    (raw) => {
      // Given JSON that is not an object, when it is parsed
      const poison = poisonOf(raw);

      // Then it is an invalid envelope, saying an object was expected
      expect(poison).toEqual({ reason: 'invalid-envelope', details: ['an envelope must be a JSON object'] });
    },
  );

  it.each([
    'specversion',
    'id',
    'source',
    'type',
    'schemaversion',
    'subject',
    'time',
    'datacontenttype',
    'correlationid',
    'data',
  ])('rejects an envelope without %s as invalid-envelope', (attribute) => {
    // Given an envelope missing a required attribute
    const envelope = validEnvelope();
    delete envelope[attribute];

    // When it is parsed
    const poison = poisonOf(JSON.stringify(envelope));

    // Then the missing attribute is named
    expect(poison.reason).toBe('invalid-envelope');
    expect(poison.details.some((line) => line.startsWith(`${attribute}: `))).toBe(true);
  });

  it.each([
    ['specversion', '0.3'],
    ['id', 'not-a-uuid'],
    ['source', 'intake'],
    ['time', 'yesterday'],
    ['schemaversion', '1'],
  ])('rejects an envelope whose %s is %j as invalid-envelope', (attribute, value) => {
    // Given an attribute with a value outside its rule
    const envelope = { ...validEnvelope(), [attribute]: value };

    // When it is parsed, then the attribute is named
    const poison = poisonOf(JSON.stringify(envelope));
    expect(poison.reason).toBe('invalid-envelope');
    expect(poison.details.some((line) => line.startsWith(`${attribute}: `))).toBe(true);
  });

  it('rejects a type without a contract as unknown-type', () => {
    // Given a well-formed envelope of a type nobody catalogued
    const envelope = { ...validEnvelope(), type: 'complaint.teleported' };

    // When it is parsed, then it is poison with the type named
    expect(poisonOf(JSON.stringify(envelope))).toEqual({
      reason: 'unknown-type',
      details: ['no contract for type complaint.teleported'],
    });
  });

  it('rejects a schema version this build does not support as unsupported-version', () => {
    // Given a v2 event reaching a consumer that only knows v1
    const envelope = { ...validEnvelope(), schemaversion: 2 };

    // When it is parsed
    const poison = poisonOf(JSON.stringify(envelope));

    // Then it says which version was seen and which is current
    expect(poison.reason).toBe('unsupported-version');
    expect(poison.details).toEqual(['complaint.received v2 is not supported (current v1)']);
  });

  it.each<[string, (data: Json) => void, string]>([
    ['a value outside the vocabulary', (data) => (data.channel = 'fax'), 'data.channel: '],
    ['a missing required field', (data) => delete data.reference, 'data.reference: '],
    ['a wrong type', (data) => (data.version = '1'), 'data.version: '],
    [
      'a bad nested value',
      (data) => ((data.customer as Json).customerHash = 'abc'),
      'data.customer.customerHash: ',
    ],
    ['a missing nested block', (data) => delete data.customer, 'data.customer: '],
    ['a nested block given as a list', (data) => (data.contact = []), 'data.contact: '],
    ['a list item that is not an object', (data) => (data.attachments = [[]]), 'data.attachments: '],
  ])('rejects data with %s as invalid-data', (_case, breakData, path) => {
    // Given an envelope whose data breaks its contract
    const envelope = validEnvelope();
    breakData(dataOf(envelope));

    // When it is parsed
    const poison = poisonOf(JSON.stringify(envelope));

    // Then the offending field is named with its path under data
    expect(poison.reason).toBe('invalid-data');
    expect(poison.details.some((line) => line.startsWith(path))).toBe(true);
  });

  it('tolerates unknown data fields from a newer producer and drops them', () => {
    // Given data with fields this consumer's contract does not know, at the top and in a nested block
    const envelope = validEnvelope();
    const expected = structuredClone(envelope);
    dataOf(envelope).loyaltyTier = 'gold';
    (dataOf(envelope).customer as Json).nickname = '小张';

    // When it is parsed
    const parsed = parseEnvelope(JSON.stringify(envelope));

    // Then it is accepted, and the unknown fields are gone rather than passed on
    expect(JSON.parse(JSON.stringify(parsed))).toStrictEqual(expected);
  });

  it.each([
    ['an unknown data field', (e: Json) => void (dataOf(e).extra = { constructor: 'x' }), 'invalid-data'],
    [
      'a nested unknown field',
      (e: Json) => void ((dataOf(e).customer as Json).extra = [{ constructor: {} }]),
      'invalid-data',
    ],
    ['an unknown attribute', (e: Json) => void (e.extension = { constructor: 'x' }), 'invalid-envelope'],
  ])(
    'rejects an object with a "constructor" key in %s as poison, not as a crash the consumer would retry',
    (_where, breakIt, reason) => {
      // Given an envelope carrying a value class-transformer cannot copy
      const envelope = validEnvelope();
      breakIt(envelope);

      // When it is parsed, then it is poison with a reason, so it goes to the dead-letter topic
      expect(poisonOf(JSON.stringify(envelope)).reason).toBe(reason);
    },
  );

  it('tolerates an unknown envelope attribute and drops it', () => {
    // Given a CloudEvents extension attribute this platform does not use
    const envelope = {
      ...validEnvelope(),
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    };

    // When it is parsed
    const parsed = parseEnvelope(JSON.stringify(envelope));

    // Then it is accepted without the extension
    expect(Object.keys(parsed)).not.toContain('traceparent');
  });

  it.each([
    ['a bare date', '2026-11-20'],
    ['a time without a zone', '2026-11-20T09:15:00'],
    ['a time with an offset instead of Z', '2026-11-20T17:15:00+08:00'],
  ])('rejects %s as the event time, because deadlines need an unambiguous instant', (_label, time) => {
    const poison = poisonOf(JSON.stringify({ ...validEnvelope(), time }));
    expect(poison.reason).toBe('invalid-envelope');
    expect(poison.details.join(' ')).toContain('time');
  });

  it('rejects a data timestamp that is not UTC', () => {
    const envelope = validEnvelope();
    dataOf(envelope)['receivedAt'] = '2026-11-20T09:15:00';
    const poison = poisonOf(JSON.stringify(envelope));
    expect(poison.reason).toBe('invalid-data');
    expect(poison.details.join(' ')).toContain('data.receivedAt');
  });
});

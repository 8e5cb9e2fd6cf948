import { EVENT_CATALOGUE, EVENT_TYPES } from '../catalogue';
import { createEnvelope } from '../envelope/create-envelope';
import { parseEnvelope } from '../envelope/parse-envelope';
import { EXAMPLE_EVENTS } from './example-events';

/** Every string anywhere inside a value, with its path, for the checks that scan all fields. */
function stringsIn(value: unknown, path = ''): [string, string][] {
  if (typeof value === 'string') return [[path, value]];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsIn(item, `${path}[${index}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, child]) => stringsIn(child, path ? `${path}.${key}` : key));
  }
  return [];
}

const envelopes = EVENT_TYPES.map((type) => createEnvelope(EXAMPLE_EVENTS[type]));

describe('the example events', () => {
  it.each(EVENT_TYPES)('%s survives createEnvelope, JSON and parseEnvelope unchanged', (type) => {
    // Given the example of this type
    const example = EXAMPLE_EVENTS[type];

    // When it is enveloped, serialised as on the wire, and parsed back
    const envelope = createEnvelope(example);
    const parsed = parseEnvelope(Buffer.from(JSON.stringify(envelope), 'utf8'));

    // Then nothing was lost or added: attributes and data come back equal
    expect(parsed).toEqual(envelope);
    expect(parsed.data).toEqual(example.data);
    expect(JSON.parse(JSON.stringify(parsed))).toStrictEqual(JSON.parse(JSON.stringify(envelope)));
  });

  it.each(EVENT_TYPES)('%s is filed under its own type and comes from its catalogued producer', (type) => {
    // Given the example of this type
    const example = EXAMPLE_EVENTS[type];

    // Then it claims that type and the producer the catalogue names, as a reader of the document would assume
    expect({ type: example.type, source: example.source }).toEqual({
      type,
      source: EVENT_CATALOGUE[type].producer,
    });
  });

  it('gives every example its own fixed event id', () => {
    // Given the fixed ids of all examples
    const ids = envelopes.map((envelope) => envelope.id);

    // Then none repeats, so the inbox would treat each as a distinct event
    expect(new Set(ids).size).toBe(EVENT_TYPES.length);
  });

  it('links each causation id to another example of the same flow', () => {
    // Given the examples caused by another event
    const byId = new Map(envelopes.map((envelope) => [envelope.id, envelope]));
    const caused = envelopes.filter((envelope) => envelope.causationid !== undefined);

    // Then each cause is itself an example, earlier in time, of the same flow
    expect(caused.length).toBeGreaterThan(5);
    for (const effect of caused) {
      const cause = byId.get(effect.causationid ?? '');
      expect({
        effect: effect.type,
        cause: cause?.type,
        sameFlow: cause?.correlationid === effect.correlationid,
        causeFirst: cause !== undefined && cause.time < effect.time,
      }).toEqual({ effect: effect.type, cause: expect.any(String), sameFlow: true, causeFirst: true });
    }
  });

  it('writes every timestamp as a 2026 UTC instant with milliseconds', () => {
    // Given every string that looks like a date, in attributes and data
    const dates = envelopes
      .flatMap((envelope) => stringsIn(envelope))
      .filter(([, value]) => /^\d{4}-\d\d-\d\d/.test(value));

    // Then all use the one canonical form consumers can compare as strings
    expect(dates.length).toBeGreaterThan(EVENT_TYPES.length);
    for (const [path, value] of dates) {
      expect({ path, value }).toEqual({
        path,
        value: expect.stringMatching(/^2026-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/),
      });
    }
  });

  it('carries no clear-text phone number, e-mail address, card or identity number', () => {
    // Given every string of every example
    const strings = envelopes.flatMap((envelope) => stringsIn(envelope.data, envelope.type));

    // When looking for unmasked personal identifiers
    const leaks = strings.filter(
      ([, value]) =>
        /(?<!\d)1[3-9]\d{9}(?!\d)/.test(value) || // mainland mobile number
        /\d{15,19}/.test(value.replace(/[\s-]/g, '')) || // card or ID number
        /[^\s@*]+@[^\s@]+\.[a-z]{2,}/i.test(value.replace(/[^\s@]*\*[^\s@]*@/g, '')), // e-mail without a masked local part
    );

    // Then there are none: examples show what the wire carries, masked values only
    expect(leaks).toEqual([]);
  });
});

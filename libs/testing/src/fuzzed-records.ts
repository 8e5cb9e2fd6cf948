import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { DataSource } from 'typeorm';
import { EventType, EXAMPLE_EVENTS, ServiceName, Topic } from '@complaints/contracts';
import { freshEvent } from './deliver';
import { eventually } from './eventually';
import { expectNoTraceOf, lettersFor } from './dead-letter-expectations';
import { producerHeaders, SentRecord } from './poison-records';
import { TopicProbe } from './topic-probe';

/** A record made from an example by random damage: it may still be valid, or poison of any kind. */
export interface FuzzedRecord {
  readonly label: string;
  readonly key: string;
  readonly value: Buffer;
  readonly headers: Record<string, string>;
  readonly complaintId: string;
  /** The id it is handled under, if the damage left its id alone. */
  readonly eventId?: string;
}

type Json = Record<string | number, unknown>;
type Path = (string | number)[];
type Damage =
  | { kind: 'replace'; at: number; value: unknown }
  | { kind: 'same-kind'; at: number; pick: number }
  | { kind: 'delete'; at: number };

/** Strings and numbers at the edges of what the contracts accept (and a little past them). */
const EDGE_STRINGS = [
  '',
  ' ',
  '0001-01-01T00:00:00.000Z',
  '9999-12-31T23:59:59.999Z',
  '2026-02-29T00:00:00.000Z',
  '2026-11-20T09:15:00+08:00',
  'x'.repeat(5_000),
  '张'.repeat(10_001),
  'a\u0000b',
  "'; DROP TABLE inbox; --",
];
const EDGE_NUMBERS = [0, -1, 1, 0.5, 2 ** 31, Number.MAX_SAFE_INTEGER, 1e308];

/** A replacement of any kind: random JSON, or an edge value. */
const replacement = fc.oneof(
  fc.jsonValue({ maxDepth: 2 }),
  fc.constantFrom<unknown>(...EDGE_STRINGS, ...EDGE_NUMBERS, null, true, [], {}),
);

function pathsOf(value: unknown, prefix: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, child]) => {
    const path = [...prefix, Array.isArray(value) ? Number(key) : key];
    return [path, ...pathsOf(child, path)];
  });
}

/** An edge value of the same JSON kind as the one it replaces: it often passes the contract and reaches a handler. */
function sameKind(current: unknown, pick: number): unknown {
  if (typeof current === 'string') return EDGE_STRINGS[pick % EDGE_STRINGS.length];
  if (typeof current === 'number') return EDGE_NUMBERS[pick % EDGE_NUMBERS.length];
  if (typeof current === 'boolean') return !current;
  return current;
}

/** Damages the envelope in place: only under `data`, or anywhere (the attributes too). */
function damage(envelope: Json, damages: Damage[], scope: 'data' | 'anywhere'): void {
  for (const d of damages) {
    const paths = scope === 'data' ? pathsOf(envelope.data, ['data']) : pathsOf(envelope);
    if (paths.length === 0) return;
    const path = paths[d.at % paths.length];
    const parent = path.slice(0, -1).reduce<unknown>((node, key) => (node as Json)[key], envelope) as Json;
    const key = path[path.length - 1];
    if (d.kind === 'replace') parent[key] = d.value;
    else if (d.kind === 'same-kind') parent[key] = sameKind(parent[key], d.pick);
    else if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
    else delete parent[key];
  }
}

function preview(value: Buffer): string {
  const text = value.toString('utf8');
  return text.length > 300 ? `${text.slice(0, 300)}...` : text;
}

/**
 * Records for the topics a consumer reads: mostly an example of a type it handles with one to three fields (of its
 * data, or of the whole envelope) replaced by random JSON or an edge value, or deleted; sometimes random bytes or
 * random JSON; with or without the ce_* headers of the type. Each is about a complaint of its own.
 */
export function fuzzedRecord(typesByTopic: Map<Topic, EventType[]>): fc.Arbitrary<[Topic, FuzzedRecord]> {
  const targets = [...typesByTopic].flatMap(([topic, types]) => types.map((type) => [topic, type] as const));
  const oneDamage: fc.Arbitrary<Damage> = fc.oneof(
    fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), value: replacement }),
    fc.record({ kind: fc.constant('same-kind' as const), at: fc.nat(), pick: fc.nat() }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
  );
  const damaged = fc.tuple(
    fc.array(oneDamage, { minLength: 1, maxLength: 3 }),
    fc.constantFrom<'data' | 'anywhere'>('data', 'data', 'data', 'anywhere'),
  );
  const body = fc.oneof(
    { arbitrary: damaged, weight: 8 },
    { arbitrary: fc.uint8Array({ maxLength: 64 }).map((bytes) => Buffer.from(bytes)), weight: 1 },
    { arbitrary: fc.jsonValue({ maxDepth: 3 }).map((json) => Buffer.from(JSON.stringify(json))), weight: 1 },
  );
  return fc
    .tuple(fc.constantFrom(...targets), body, fc.boolean())
    .map(([[topic, type], made, withHeaders]) => {
      const complaintId = randomUUID();
      const example = JSON.parse(JSON.stringify(freshEvent(EXAMPLE_EVENTS[type]))) as Json;
      const id = example.id as string;
      const headers = withHeaders ? producerHeaders(type, id, example.schemaversion as number) : {};
      if (Buffer.isBuffer(made)) {
        return [
          topic,
          { label: `${type}: ${preview(made)}`, key: complaintId, value: made, headers, complaintId },
        ];
      }
      const envelope: Json = { ...example, subject: complaintId };
      const data = envelope.data as Json;
      if ('complaintId' in data) data.complaintId = complaintId;
      damage(envelope, ...made);
      const value = Buffer.from(JSON.stringify(envelope));
      const eventId = envelope.id === id ? id : undefined;
      return [
        topic,
        { label: `${type}: ${preview(value)}`, key: complaintId, value, headers, complaintId, eventId },
      ];
    });
}

/** Sends each record on its topic, keyed by its complaint (so on the partition its key picks). */
export async function sendFuzzedRecords(
  probe: TopicProbe,
  records: [Topic, FuzzedRecord][],
): Promise<SentRecord<FuzzedRecord>[]> {
  const sent: SentRecord<FuzzedRecord>[] = [];
  for (const [topic, record] of records) {
    const { key, value, headers } = record;
    sent.push({ record, topic, ...(await probe.sendRecord(topic, { key, value, headers })) });
  }
  return sent;
}

/** How each record ended: handled, or dead-lettered with this reason. */
export type FuzzOutcome = 'handled' | `dead-lettered: ${string}`;

/**
 * Every record ends in exactly one way, never neither (a stuck consumer) and never both: handled (its inbox row) or
 * dead-lettered once, at the first attempt when it can never parse. A dead-lettered record left nothing behind.
 * Returns how many ended each way, so a spec can show the damage reached the handlers as well as the parser.
 */
export async function expectEachHandledOrDeadLettered(
  probe: TopicProbe,
  dataSource: DataSource,
  consumer: ServiceName,
  sent: SentRecord<FuzzedRecord>[],
): Promise<Record<FuzzOutcome, number>> {
  const eventIds = sent.flatMap((s) => (s.record.eventId ? [s.record.eventId] : []));
  const handledIds = async () => {
    const rows: { event_id: string }[] = await dataSource.query(
      'SELECT DISTINCT event_id FROM inbox WHERE event_id = ANY($1::uuid[])',
      [eventIds],
    );
    return new Set(rows.map((r) => r.event_id));
  };
  const handled = await eventually(async () => {
    const ids = await handledIds();
    const open = sent.filter(
      (s) => !(s.record.eventId && ids.has(s.record.eventId)) && lettersFor(probe, consumer, s).length === 0,
    );
    if (open.length > 0) throw new Error(`no outcome yet for ${open.length}: ${open[0].record.label}`);
    return ids;
  });
  const outcomes: Partial<Record<FuzzOutcome, number>> = {};
  const deadLettered: SentRecord<FuzzedRecord>[] = [];
  for (const s of sent) {
    const letters = lettersFor(probe, consumer, s);
    const wasHandled = s.record.eventId !== undefined && handled.has(s.record.eventId);
    const ended = [...(wasHandled ? ['handled'] : []), ...letters.map((l) => l.headers['x-error-reason'])];
    expect({ record: s.record.label, ended: ended.length }).toEqual({ record: s.record.label, ended: 1 });
    if (letters.length === 1) {
      const [letter] = letters;
      const reason = letter.headers['x-error-reason'];
      const retried = reason === 'handler-failed';
      expect({ record: s.record.label, value: letter.bytes, attempts: letter.headers['x-attempts'] }).toEqual(
        {
          record: s.record.label,
          value: s.record.value,
          attempts: retried ? expect.stringMatching(/^[2-9]$/) : '1',
        },
      );
      deadLettered.push(s);
    }
    const outcome: FuzzOutcome = wasHandled
      ? 'handled'
      : `dead-lettered: ${letters[0].headers['x-error-reason']}`;
    outcomes[outcome] = (outcomes[outcome] ?? 0) + 1;
  }
  await expectNoTraceOf(
    dataSource,
    deadLettered.map((s) => s.record),
  );
  return outcomes as Record<FuzzOutcome, number>;
}

/**
 * The whole fuzz check a consuming service runs: 80 damaged copies of the examples of the types it handles (a
 * fixed seed, so a failure replays) each end in exactly one way, handled or dead-lettered with nothing kept; and
 * the damage reached the handlers (some were handled) as well as the parser (some were refused as invalid data).
 */
export async function expectDamagedEventsEndOneWay(
  probe: TopicProbe,
  dataSource: DataSource,
  consumer: ServiceName,
  typesByTopic: Map<Topic, EventType[]>,
): Promise<void> {
  const records = fc.sample(fuzzedRecord(typesByTopic), { numRuns: 80, seed: 20261123 });
  const sent = await sendFuzzedRecords(probe, records);
  const outcomes = await expectEachHandledOrDeadLettered(probe, dataSource, consumer, sent);
  expect(outcomes.handled).toBeGreaterThan(0);
  expect(outcomes['dead-lettered: invalid-data']).toBeGreaterThan(0);
}

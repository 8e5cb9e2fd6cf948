import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { IsString } from 'class-validator';
import { parse } from 'yaml';
import { EVENT_CATALOGUE, EVENT_TYPES, eventTypesOn } from '../catalogue';
import { parseEnvelope } from '../envelope/parse-envelope';
import { exampleEnvelope, FIXTURES_DIR, fixtureFileName } from '../examples/example-envelopes';
import { deadLetterTopic, TOPICS } from '../topics';
import { buildAsyncApiDocument } from './build-asyncapi';
import { deadLetterTopics, readKafkaTopology } from './kafka-topology';
import { ASYNCAPI_FILE, ASYNCAPI_HEADER, renderAsyncApiYaml } from './render-asyncapi';

const repoRoot = resolve(__dirname, '../../../..');
const topology = readKafkaTopology(repoRoot);
const REGENERATE = 'run `npm run asyncapi` and commit the result';

/** Points at the first differing line, so a stale document fails with a readable message, not a 4000-line diff. */
function firstDifference(expected: string, actual: string): string {
  const want = expected.split('\n');
  const have = actual.split('\n');
  const line = want.findIndex((text, index) => text !== have[index]);
  const at = line === -1 ? want.length : line;
  return `first difference at line ${at + 1}:\n  generated: ${want[at] ?? '<end>'}\n  on disk:   ${have[at] ?? '<end>'}`;
}

/** Follows a local JSON pointer such as #/components/messages/complaint.received. */
function resolvePointer(document: unknown, pointer: string): unknown {
  return pointer
    .slice(2)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>(
      (node, key) =>
        typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined,
      document,
    );
}

function refsIn(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refsIn);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, child]) =>
    key === '$ref' && typeof child === 'string' ? [child] : refsIn(child),
  );
}

describe('the AsyncAPI document', () => {
  it('docs/asyncapi.yaml is exactly what the contract generates now', () => {
    // Given the committed document and the one the current sources produce
    const onDisk = readFileSync(join(repoRoot, ASYNCAPI_FILE), 'utf8').replace(/\r\n/g, '\n');
    const generated = renderAsyncApiYaml(topology);

    // Then they are identical: a contract change without regenerating fails here
    if (generated !== onDisk) {
      throw new Error(`${ASYNCAPI_FILE} is stale: ${REGENERATE}.\n${firstDifference(generated, onDisk)}`);
    }
    expect(onDisk.startsWith(`${ASYNCAPI_HEADER}\n`)).toBe(true);
  });

  it('the fixtures on disk are exactly the current examples', () => {
    // Given the fixture files and the examples of the current catalogue
    const dir = join(repoRoot, FIXTURES_DIR);
    const files = readdirSync(dir).filter((name) => name.endsWith('.json'));
    const expected = EVENT_TYPES.map(fixtureFileName);

    // Then there is one file per type, no leftover, and each holds the example envelope
    if ([...files].sort().join() !== [...expected].sort().join()) {
      throw new Error(`${FIXTURES_DIR} does not match the catalogue: ${REGENERATE}.`);
    }
    for (const type of EVENT_TYPES) {
      const fixture: unknown = JSON.parse(readFileSync(join(dir, fixtureFileName(type)), 'utf8'));
      if (JSON.stringify(fixture) !== JSON.stringify(exampleEnvelope(type))) {
        throw new Error(`${FIXTURES_DIR}/${fixtureFileName(type)} is stale: ${REGENERATE}.`);
      }
      expect(JSON.parse(JSON.stringify(parseEnvelope(JSON.stringify(fixture))))).toStrictEqual(fixture);
    }
  });

  it('comes out the same whatever other validated classes the process has loaded', () => {
    // Given a class-validator class that is no part of the contract, loaded in this process
    class UnrelatedRequest {
      @IsString() note!: string;
    }
    expect(new UnrelatedRequest()).toBeInstanceOf(UnrelatedRequest);

    // When the document is rendered twice
    const first = renderAsyncApiYaml(topology);
    const second = renderAsyncApiYaml(topology);

    // Then both renders are identical and the stranger is not in it
    expect(second).toBe(first);
    expect(first).not.toContain('UnrelatedRequest');
  });

  it('has a channel and a send operation per topic, named from the producer', () => {
    // Given the built document
    const document = buildAsyncApiDocument(topology);

    // Then every event topic and every dead-letter topic is a channel addressed by its name
    const deadLetterNames = deadLetterTopics(topology).map((topic) => topic.name);
    expect(Object.keys(document.channels)).toEqual([...Object.values(TOPICS), ...deadLetterNames]);
    for (const [id, channel] of Object.entries(document.channels)) {
      expect(channel.address).toBe(id);
    }

    // And each is sent to by one operation from its writer's point of view
    expect(document.operations['intake.publishLifecycle']).toEqual(
      expect.objectContaining({
        action: 'send',
        channel: { $ref: '#/channels/complaints.intake.lifecycle' },
      }),
    );
    expect(document.operations['sla-timer.publishDeadLetters']).toEqual(
      expect.objectContaining({
        action: 'send',
        channel: { $ref: `#/channels/${deadLetterTopic('sla-timer')}` },
      }),
    );
    expect(Object.keys(document.operations)).toHaveLength(Object.keys(document.channels).length);
  });

  it.each(Object.values(TOPICS))(
    'the %s channel offers exactly the types the catalogue puts on it',
    (topic) => {
      // Given the channel of the topic
      const channel = buildAsyncApiDocument(topology).channels[topic];

      // Then its messages are the catalogued types, in catalogue order
      expect(Object.keys(channel.messages as object)).toEqual(eventTypesOn(topic));
    },
  );

  it('describes every event type with its summary, schemas and a parseable example', () => {
    // Given the message of every catalogued type
    const messages = buildAsyncApiDocument(topology).components.messages;

    for (const type of EVENT_TYPES) {
      const message = messages[type];
      // Then it is named after the type, summarised by the catalogue, and its example is a valid envelope
      expect(message).toEqual(
        expect.objectContaining({
          name: type,
          summary: EVENT_CATALOGUE[type].summary,
          contentType: 'application/cloudevents+json',
        }),
      );
      const [example] = message.examples as { payload: unknown; headers: Record<string, string> }[];
      expect(parseEnvelope(JSON.stringify(example.payload)).type).toBe(type);
      expect(example.headers).toEqual(expect.objectContaining({ ce_type: type, ce_schemaversion: '1' }));
    }
  });

  it('resolves every $ref of the written document', () => {
    // Given the document as a reader of the YAML sees it
    const document: unknown = parse(renderAsyncApiYaml(topology));

    // Then no reference dangles
    const dangling = refsIn(document).filter((ref) => resolvePointer(document, ref) === undefined);
    expect(dangling).toEqual([]);
  });
});

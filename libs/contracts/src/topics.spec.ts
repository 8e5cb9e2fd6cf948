import { resolve } from 'node:path';
import { readKafkaTopology } from './asyncapi/kafka-topology';
import { EVENT_CATALOGUE, EVENT_TYPES, eventTypesOn, isEventType } from './catalogue';
import { deadLetterTopic, TOPICS } from './topics';

const repoRoot = resolve(__dirname, '../../..');
const topology = readKafkaTopology(repoRoot);
const catalogueTopics = Object.values(TOPICS);
const producers = [...new Set(EVENT_TYPES.map((type) => EVENT_CATALOGUE[type].producer))];
const sorted = (values: readonly string[]) => [...values].sort();

describe('the catalogue and deploy/kafka/topics.json', () => {
  it.each(catalogueTopics)('%s exists in topics.json and carries exactly the catalogued types', (name) => {
    // Given the topic as the catalogue sees it
    const types = eventTypesOn(name);

    // When looking it up in the deployed topic list
    const deployed = topology.topics.find((topic) => topic.name === name);

    // Then it is created with the same event types (order carries no meaning)
    expect(deployed).toEqual(expect.objectContaining({ name }));
    expect(sorted(deployed?.carries ?? [])).toEqual(sorted(types));
  });

  it.each(catalogueTopics)('%s is owned by the producer of every type it carries', (name) => {
    // Given the deployed topic and the producers the catalogue names for its types
    const owner = topology.topics.find((topic) => topic.name === name)?.owner;
    const writers = new Set(eventTypesOn(name).map((type) => EVENT_CATALOGUE[type].producer));

    // Then there is one writer, and it is the owner
    expect([...writers]).toEqual([owner]);
  });

  it('lists no event type on a topic the catalogue does not put it on', () => {
    // Given every (topic, type) pair topics.json declares
    const declared = topology.topics.flatMap((topic) =>
      topic.carries.map((type) => ({ topic: topic.name, type })),
    );

    // Then each type is catalogued, on that very topic
    const strays = declared.filter(
      ({ topic, type }) => !isEventType(type) || EVENT_CATALOGUE[type].topic !== topic,
    );
    expect(strays).toEqual([]);
  });

  it.each(producers)('gives the producer %s a dead-letter topic', (producer) => {
    // When looking for the producer's complaints.<producer>.dlq topic
    const deadLetters = topology.topics.find((topic) => topic.name === deadLetterTopic(producer));

    // Then it exists, is owned by that service and carries no event type of its own
    expect(deadLetters).toEqual(expect.objectContaining({ owner: producer, carries: [] }));
  });

  it('names every deployed topic complaints.<owner>.<stream>', () => {
    // Given every deployed topic, then its name starts with its owner, the only service allowed to write it
    const misnamed = topology.topics.filter((topic) => !topic.name.startsWith(`complaints.${topic.owner}.`));
    expect(misnamed).toEqual([]);
  });
});

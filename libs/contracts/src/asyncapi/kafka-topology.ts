import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SERVICE_NAMES, ServiceName } from '../envelope/event-envelope';
import { deadLetterTopic } from '../topics';

/** The topic list the brokers are created from, relative to the repository root. */
export const KAFKA_TOPOLOGY_FILE = 'deploy/kafka/topics.json';

export interface KafkaTopicConfig {
  readonly name: string;
  readonly owner: string;
  readonly partitions: number;
  readonly retentionMs: number;
  /** The event types written to the topic; empty for dead-letter topics. */
  readonly carries: readonly string[];
}

export interface KafkaTopology {
  readonly topics: readonly KafkaTopicConfig[];
}

export function readKafkaTopology(repoRoot: string): KafkaTopology {
  return parseKafkaTopology(readFileSync(join(repoRoot, KAFKA_TOPOLOGY_FILE), 'utf8'));
}

/** Parses topics.json, failing loudly on a shape the document builder and the topic checks could misread. */
export function parseKafkaTopology(json: string): KafkaTopology {
  const root: unknown = JSON.parse(json);
  if (!isRecord(root) || !Array.isArray(root.topics)) {
    throw new Error(`${KAFKA_TOPOLOGY_FILE}: expected an object with a "topics" array`);
  }
  return { topics: root.topics.map((topic: unknown, index: number) => parseTopic(topic, index)) };
}

/** The dead-letter topics (complaints.<service>.dlq), in file order. */
export function deadLetterTopics(topology: KafkaTopology): (KafkaTopicConfig & { owner: ServiceName })[] {
  return topology.topics.filter(
    (topic): topic is KafkaTopicConfig & { owner: ServiceName } =>
      isServiceName(topic.owner) && topic.name === deadLetterTopic(topic.owner),
  );
}

export function findTopic(topology: KafkaTopology, name: string): KafkaTopicConfig {
  const topic = topology.topics.find((candidate) => candidate.name === name);
  if (!topic) {
    throw new Error(`topic ${name} is missing from ${KAFKA_TOPOLOGY_FILE}`);
  }
  return topic;
}

function parseTopic(value: unknown, index: number): KafkaTopicConfig {
  const where = `${KAFKA_TOPOLOGY_FILE}: topics[${index}]`;
  if (!isRecord(value)) {
    throw new Error(`${where} is not an object`);
  }
  const { name, owner, partitions, retentionMs, carries } = value;
  if (typeof name !== 'string' || typeof owner !== 'string') {
    throw new Error(`${where} needs string "name" and "owner"`);
  }
  if (!isPositiveInteger(partitions) || !isPositiveInteger(retentionMs)) {
    throw new Error(`${where} (${name}) needs positive integer "partitions" and "retentionMs"`);
  }
  if (!Array.isArray(carries) || !carries.every((type): type is string => typeof type === 'string')) {
    throw new Error(`${where} (${name}) needs a "carries" array of event types`);
  }
  return { name, owner, partitions, retentionMs, carries };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function isServiceName(value: string): value is ServiceName {
  return (SERVICE_NAMES as readonly string[]).includes(value);
}

import { EVENT_CATALOGUE, eventTypesOn } from '../catalogue';
import { Topic, TOPICS } from '../topics';
import { KAFKA_BINDING_VERSION, POISON_MESSAGE_ID } from './messages';
import { deadLetterTopics, findTopic, KafkaTopicConfig, KafkaTopology } from './kafka-topology';
import type { JsonSchema } from './json-schemas';

/** A channel and the one operation that sends to it, from the producer's point of view. */
export interface ChannelWithOperation {
  readonly channelId: string;
  readonly channel: JsonSchema;
  readonly operationId: string;
  readonly operation: JsonSchema;
}

const messageRef = (id: string) => ({ $ref: `#/components/messages/${id}` });

/** One channel per event topic, named after it, with the event types the catalogue puts on it. */
export function eventChannels(topology: KafkaTopology): ChannelWithOperation[] {
  return Object.values(TOPICS).map((topic) => eventChannel(topic, findTopic(topology, topic)));
}

/** One channel per dead-letter topic in topics.json. */
export function deadLetterChannels(topology: KafkaTopology): ChannelWithOperation[] {
  return deadLetterTopics(topology).map((config) =>
    withOperation(
      config,
      {
        address: config.name,
        description: `Poison messages with x-error-* headers: what ${config.owner} consumed but can never process.`,
        messages: { [POISON_MESSAGE_ID]: messageRef(POISON_MESSAGE_ID) },
        bindings: topicBindings(config),
      },
      `${config.owner}.publishDeadLetters`,
      `${config.owner} parks a record it can never process.`,
    ),
  );
}

function eventChannel(topic: Topic, config: KafkaTopicConfig): ChannelWithOperation {
  const types = eventTypesOn(topic);
  const producer = types.length > 0 ? EVENT_CATALOGUE[types[0]].producer : config.owner;
  const stream = topic.split('.').pop() ?? topic;
  return withOperation(
    config,
    {
      address: topic,
      description: `Written only by ${producer}. Keyed by the envelope subject (the complaint id), so each complaint's events stay in order here.`,
      messages: Object.fromEntries(types.map((type) => [type, messageRef(type)])),
      bindings: topicBindings(config),
    },
    `${producer}.publish${stream.charAt(0).toUpperCase()}${stream.slice(1)}`,
    `${producer} publishes ${types.join(', ')}.`,
  );
}

function withOperation(
  config: KafkaTopicConfig,
  channel: JsonSchema & { messages: Record<string, unknown> },
  operationId: string,
  summary: string,
): ChannelWithOperation {
  const channelId = config.name;
  return {
    channelId,
    channel,
    operationId,
    operation: {
      action: 'send',
      channel: { $ref: `#/channels/${channelId}` },
      summary,
      messages: Object.keys(channel.messages).map((id) => ({
        $ref: `#/channels/${channelId}/messages/${id}`,
      })),
    },
  };
}

function topicBindings(config: KafkaTopicConfig): JsonSchema {
  return {
    kafka: {
      topic: config.name,
      partitions: config.partitions,
      topicConfiguration: { 'retention.ms': config.retentionMs },
      bindingVersion: KAFKA_BINDING_VERSION,
    },
  };
}

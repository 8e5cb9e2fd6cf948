import { EVENT_TYPES } from '../catalogue';
import { deadLetterChannels, eventChannels } from './channels';
import { DOCUMENT_DESCRIPTION, DOCUMENT_TITLE, LOCAL_SERVER_DESCRIPTION } from './document-text';
import { buildContractSchemas, JsonSchema } from './json-schemas';
import { KafkaTopology } from './kafka-topology';
import {
  correlationIds,
  EVENT_CONTENT_TYPE,
  eventMessage,
  POISON_MESSAGE_ID,
  poisonMessage,
} from './messages';

export interface AsyncApiDocument {
  readonly asyncapi: '3.0.0';
  readonly info: { readonly title: string; readonly version: string; readonly description: string };
  readonly defaultContentType: string;
  readonly servers: Record<string, JsonSchema>;
  readonly channels: Record<string, JsonSchema>;
  readonly operations: Record<string, JsonSchema>;
  readonly components: {
    readonly messages: Record<string, JsonSchema>;
    readonly schemas: Record<string, JsonSchema>;
    readonly correlationIds: JsonSchema;
  };
}

/**
 * The AsyncAPI 3.0 description of every topic, event and schema, derived from the catalogue, the contract classes,
 * the examples and topics.json (passed in: the lib's build cannot import a file outside its sources, and keeping
 * the read outside leaves this function pure). Same input, same document: no timestamps, stable key order.
 */
export function buildAsyncApiDocument(topology: KafkaTopology): AsyncApiDocument {
  const schemas = buildContractSchemas();
  const channels = [...eventChannels(topology), ...deadLetterChannels(topology)];
  return {
    asyncapi: '3.0.0',
    info: { title: DOCUMENT_TITLE, version: '1.0.0', description: DOCUMENT_DESCRIPTION },
    defaultContentType: EVENT_CONTENT_TYPE,
    servers: { local: { host: '127.0.0.1:9092', protocol: 'kafka', description: LOCAL_SERVER_DESCRIPTION } },
    channels: Object.fromEntries(channels.map(({ channelId, channel }) => [channelId, channel])),
    operations: Object.fromEntries(channels.map(({ operationId, operation }) => [operationId, operation])),
    components: {
      messages: {
        ...Object.fromEntries(EVENT_TYPES.map((type) => [type, eventMessage(type, schemas)])),
        [POISON_MESSAGE_ID]: poisonMessage(),
      },
      schemas: { ...schemas.components },
      correlationIds: correlationIds(),
    },
  };
}

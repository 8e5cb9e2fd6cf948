import { Kafka, logLevel, LogEntry } from 'kafkajs';
import { JsonLogger } from '@complaints/observability';

export interface KafkaConnection {
  /** host:port list; always 127.0.0.1 rather than localhost locally (IPv6 resolution trips kafkajs). */
  brokers: string[];
  clientId: string;
}

const LEVEL_NAMES: Record<number, 'error' | 'warn' | 'log' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'log',
  [logLevel.DEBUG]: 'debug',
};

/** The one place a kafkajs client is made; its log lines go through the service's JSON logger. */
export function createKafkaClient(connection: KafkaConnection, logger: JsonLogger): Kafka {
  return new Kafka({
    clientId: connection.clientId,
    brokers: connection.brokers,
    connectionTimeout: 3000,
    requestTimeout: 30000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, label, log, namespace }: LogEntry) => {
        const { message, ...extra } = log;
        logger[LEVEL_NAMES[level] ?? 'log'](`kafkajs ${label} ${message}`, { namespace, ...extra });
      },
  });
}

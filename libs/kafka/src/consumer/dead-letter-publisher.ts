import { IHeaders, Kafka, KafkaMessage, Partitioners, Producer } from 'kafkajs';
import { deadLetterTopic, ServiceName } from '@complaints/contracts';

export interface DeadLetter {
  topic: string;
  partition: number;
  message: KafkaMessage;
  reason: string;
  error: string;
  attempts: number;
}

/**
 * Sends a message that cannot be processed to the consumer's dead-letter topic: the original key, value and
 * headers, plus x-original-* and x-error-* headers saying where it came from and why it failed. This and the
 * outbox relay are the only places that call the producer directly.
 */
export class DeadLetterPublisher {
  private readonly producer: Producer;
  readonly topic: string;

  constructor(
    kafka: Kafka,
    private readonly consumer: ServiceName,
  ) {
    this.topic = deadLetterTopic(consumer);
    this.producer = kafka.producer({
      // One request in flight keeps per-partition order across retries. kafkajs's idempotent mode is
      // experimental and wants unbounded retries; the consumers' inbox is the real duplicate guard.
      maxInFlightRequests: 1,
      allowAutoTopicCreation: false,
      createPartitioner: Partitioners.DefaultPartitioner,
    });
  }

  connect(): Promise<void> {
    return this.producer.connect();
  }

  disconnect(): Promise<void> {
    return this.producer.disconnect();
  }

  async publish(letter: DeadLetter): Promise<void> {
    const headers: IHeaders = {
      ...(letter.message.headers ?? {}),
      'x-original-topic': letter.topic,
      'x-original-partition': String(letter.partition),
      'x-original-offset': letter.message.offset,
      'x-consumer': this.consumer,
      'x-error-reason': letter.reason,
      'x-error-message': letter.error.slice(0, 4000),
      'x-attempts': String(letter.attempts),
      'x-failed-at': new Date().toISOString(),
    };
    await this.producer.send({
      topic: this.topic,
      acks: -1,
      messages: [{ key: letter.message.key, value: letter.message.value, headers }],
    });
  }
}

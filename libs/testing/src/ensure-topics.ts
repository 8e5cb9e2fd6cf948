import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';

interface TopicSpec {
  name: string;
  partitions: number;
  retentionMs: number;
}

/**
 * Creates the topics of a topics.json that the broker lacks, for a broker that comes from Testcontainers
 * (deploy/local/kafka.sh does the same for the local broker with Kafka's own admin client).
 */
export async function ensureTopics(brokers: string[], topicsFile: string): Promise<void> {
  const spec = JSON.parse(readFileSync(topicsFile, 'utf8')) as { topics: TopicSpec[] };
  const admin = new Kafka({ clientId: 'topic-setup', brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = spec.topics.filter((t) => !existing.has(t.name));
    if (missing.length > 0) {
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((t) => ({
          topic: t.name,
          numPartitions: t.partitions,
          replicationFactor: 1,
          configEntries: [{ name: 'retention.ms', value: String(t.retentionMs) }],
        })),
      });
    }
  } finally {
    await admin.disconnect();
  }
}

import { randomUUID } from 'node:crypto';
import { Admin } from 'kafkajs';
import {
  COMPLAINT_RECEIVED,
  createEnvelope,
  EnvelopeOf,
  EXAMPLE_EVENTS,
  TOPICS,
} from '@complaints/contracts';
import { eventually } from '@complaints/testing';
import { ConsumerHost, EventHandler, HandlerContext, OutboxWriter, toKafkaMessage } from '../src';
import { MessagingFixture, SCHEMA, startMessagingFixture } from './support/messaging-fixture';

/** Records every complaint.received it handles, nothing else. */
class RecordingHandler implements EventHandler<typeof COMPLAINT_RECEIVED> {
  readonly name = 'record-received';
  readonly consumes = [COMPLAINT_RECEIVED] as const;

  async handle(event: EnvelopeOf<typeof COMPLAINT_RECEIVED>, ctx: HandlerContext): Promise<void> {
    await ctx.em.query('INSERT INTO handled (event_id, subject) VALUES ($1, $2)', [event.id, event.subject]);
  }
}

describe('committing consumer progress (real broker and database)', () => {
  let fixture: MessagingFixture;
  let admin: Admin;
  const hosts: ConsumerHost[] = [];

  beforeAll(async () => {
    fixture = await startMessagingFixture(
      'kafka-commits',
      `CREATE TABLE handled (event_id uuid PRIMARY KEY, subject text NOT NULL)`,
    );
    admin = fixture.kafka.admin();
    await admin.connect();
  });

  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.stop().catch(() => undefined);
  });

  afterAll(async () => {
    await admin?.disconnect();
    await fixture?.stop();
  });

  async function startHost(groupId: string, commitIntervalMs: number): Promise<ConsumerHost> {
    const host = new ConsumerHost(
      fixture.kafka,
      fixture.dataSource,
      new OutboxWriter(SCHEMA),
      {
        service: 'classification',
        groupId,
        handlers: [new RecordingHandler()],
        newGroupStart: 'latest',
        commitIntervalMs,
      },
      fixture.logger,
      fixture.metrics,
    );
    hosts.push(host);
    await host.start();
    return host;
  }

  /** Publishes `count` events about one complaint (one partition); answers where the first and last landed. */
  async function publish(
    complaintId: string,
    count: number,
  ): Promise<{ partition: number; first: number; last: number }> {
    const example = EXAMPLE_EVENTS[COMPLAINT_RECEIVED];
    const landed: { partition: number; offset: string }[] = [];
    for (let i = 0; i < count; i++) {
      const event = createEnvelope({
        ...example,
        id: randomUUID(),
        subject: complaintId,
        data: { ...example.data, complaintId },
      });
      landed.push(
        await fixture.probe.sendRecord(TOPICS.intakeLifecycle, {
          key: complaintId,
          value: toKafkaMessage(event).value as string,
          headers: { ce_type: event.type, ce_id: event.id },
        }),
      );
    }
    return {
      partition: landed[0].partition,
      first: Number(landed[0].offset),
      last: Number(landed[count - 1].offset),
    };
  }

  async function handledAbout(complaintId: string, count: number): Promise<void> {
    await eventually(async () => {
      const rows: unknown[] = await fixture.dataSource.query('SELECT 1 FROM handled WHERE subject = $1', [
        complaintId,
      ]);
      expect(rows).toHaveLength(count);
    });
  }

  async function committed(groupId: string, partition: number): Promise<number> {
    const [topic] = await admin.fetchOffsets({ groupId, topics: [TOPICS.intakeLifecycle] });
    return Number(topic.partitions.find((p) => p.partition === partition)?.offset ?? -1);
  }

  it('commits after handling on its interval, not after every batch, and everything done when it stops', async () => {
    // Given a consumer whose interval is far longer than the test
    const groupId = `kafka-commit-test.${randomUUID()}`;
    const host = await startHost(groupId, 600_000);
    const complaintId = randomUUID();

    // When it handles ten events
    const { partition, first, last } = await publish(complaintId, 10);
    await handledAbout(complaintId, 10);

    // Then its committed position has not moved past them yet: no commit per batch
    expect(await committed(groupId, partition)).toBeLessThanOrEqual(first);

    // And when it stops, everything it handled is committed, so a restart reads none of it again
    await host.stop();
    expect(await committed(groupId, partition)).toBe(last + 1);
  });

  it('commits a running consumer progress within its interval', async () => {
    // Given a consumer committing every 200 ms
    const groupId = `kafka-commit-test.${randomUUID()}`;
    await startHost(groupId, 200);
    const complaintId = randomUUID();

    // When it handles five events
    const { partition, last } = await publish(complaintId, 5);
    await handledAbout(complaintId, 5);

    // Then the group's position moves past them without the consumer stopping
    await eventually(async () => expect(await committed(groupId, partition)).toBe(last + 1));
  });
});

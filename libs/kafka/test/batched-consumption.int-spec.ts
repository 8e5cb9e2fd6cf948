import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import {
  COMPLAINT_RECEIVED,
  createEnvelope,
  deadLetterTopic,
  EXAMPLE_EVENTS,
  EnvelopeOf,
  TOPICS,
} from '@complaints/contracts';
import { eventually, TopicProbe } from '@complaints/testing';
import {
  ConsumerHost,
  EventHandler,
  HandlerContext,
  OutboxWriter,
  toKafkaMessage,
  UnprocessableEventError,
} from '../src';
import { MessagingFixture, SCHEMA, startMessagingFixture } from './support/messaging-fixture';

/**
 * Records each event with how many events of its complaint it could already see (so a run handled in one
 * transaction must still see its earlier events' writes) and the transaction it ran in, then emits a follow-up.
 */
class CountingHandler implements EventHandler<typeof COMPLAINT_RECEIVED> {
  readonly name = 'count-received';
  readonly consumes = [COMPLAINT_RECEIVED] as const;

  async handle(event: EnvelopeOf<typeof COMPLAINT_RECEIVED>, ctx: HandlerContext): Promise<void> {
    if (event.data.subject === 'refuse me')
      throw new UnprocessableEventError('this complaint can never apply');
    await ctx.em.query(
      `INSERT INTO handled (event_id, subject, seen_before)
       SELECT $1, $2, count(*) FROM handled WHERE subject = $2`,
      [event.id, event.subject],
    );
    const example = EXAMPLE_EVENTS['complaint.classified'].data;
    await ctx.emit({
      type: 'complaint.classified',
      subject: event.subject,
      data: { ...example, complaintId: event.subject, reference: event.data.reference },
    });
  }
}

/**
 * Keeps its writes pending in memory, per transaction, from beforeEvents to afterEvents (as a handler that reads
 * and writes a run's state together does), and records with each write the events beforeEvents announced.
 */
class PendingWritesHandler implements EventHandler<typeof COMPLAINT_RECEIVED> {
  readonly name = 'pending-writes';
  readonly consumes = [COMPLAINT_RECEIVED] as const;
  private readonly runs = new WeakMap<EntityManager, { announced: string[]; handled: string[] }>();

  async beforeEvents(events: EnvelopeOf<typeof COMPLAINT_RECEIVED>[], em: EntityManager): Promise<void> {
    if (this.runs.has(em)) throw new Error('beforeEvents twice in one transaction');
    this.runs.set(em, { announced: events.map((e) => e.id), handled: [] });
  }

  async handle(event: EnvelopeOf<typeof COMPLAINT_RECEIVED>, ctx: HandlerContext): Promise<void> {
    if (event.data.subject === 'refuse me')
      throw new UnprocessableEventError('this complaint can never apply');
    const run = this.runs.get(ctx.em);
    if (!run) throw new Error('handle before beforeEvents');
    run.handled.push(event.id);
  }

  async afterEvents(em: EntityManager): Promise<void> {
    const run = this.runs.get(em);
    if (!run) throw new Error('afterEvents without beforeEvents');
    this.runs.delete(em);
    await em.query(
      `INSERT INTO pending_written (event_id, announced)
       SELECT id, $2::uuid[] FROM unnest($1::uuid[]) WITH ORDINALITY AS h(id, n) ORDER BY n`,
      [run.handled, run.announced],
    );
  }
}

/** complaint.received events about one complaint, so they share a key and a partition. */
function receivedEvents(complaintId: string, count: number, refuse: number[] = []) {
  const example = EXAMPLE_EVENTS[COMPLAINT_RECEIVED];
  return Array.from({ length: count }, (_, i) =>
    createEnvelope({
      ...example,
      id: randomUUID(),
      subject: complaintId,
      data: { ...example.data, complaintId, ...(refuse.includes(i) ? { subject: 'refuse me' } : {}) },
    }),
  );
}

describe('consuming a backlog in batches (real broker and database)', () => {
  let fixture: MessagingFixture;
  let dataSource: DataSource;
  let probe: TopicProbe;
  const hosts: ConsumerHost[] = [];

  /** A host for a new group that starts at the topic's current end (the broker holds other suites' records). */
  async function hostAtTheEnd(
    handlers: EventHandler[] = [new CountingHandler()],
  ): Promise<() => Promise<ConsumerHost>> {
    const groupId = `kafka-batch-test.${randomUUID()}`;
    const make = (newGroupStart: 'latest') => {
      const host = new ConsumerHost(
        fixture.kafka,
        dataSource,
        new OutboxWriter(SCHEMA),
        { service: 'classification', groupId, handlers, newGroupStart },
        fixture.logger,
        fixture.metrics,
      );
      hosts.push(host);
      return host;
    };
    const first = make('latest');
    await first.start();
    await first.stop();
    // The group now has committed offsets at the end: a second host resumes there and finds the backlog.
    return async () => {
      const host = make('latest');
      await host.start();
      return host;
    };
  }

  /** Waits for `count` follow-ups about the complaint and answers the event each was caused by, in wire order. */
  async function causesOfFollowUps(complaintId: string, count: number): Promise<string[]> {
    const followUps = await eventually(() => {
      const found = probe.records.filter(
        (r) => r.topic === TOPICS.classificationResults && r.key === complaintId,
      );
      expect(found).toHaveLength(count);
      return found;
    });
    return followUps.map((r) => (r.value as { causationid: string }).causationid);
  }

  async function publish(events: ReturnType<typeof receivedEvents>): Promise<void> {
    for (const event of events) {
      await probe.send(TOPICS.intakeLifecycle, event.subject, toKafkaMessage(event).value as string, {
        ce_type: event.type,
        ce_id: event.id,
      });
    }
  }

  beforeAll(async () => {
    fixture = await startMessagingFixture(
      'kafka-batches',
      `CREATE TABLE handled (
         position    bigserial PRIMARY KEY,
         event_id    uuid      NOT NULL UNIQUE,
         subject     text      NOT NULL,
         seen_before int       NOT NULL,
         txid        bigint    NOT NULL DEFAULT txid_current()
       );
       CREATE TABLE pending_written (
         position  bigserial PRIMARY KEY,
         event_id  uuid      NOT NULL UNIQUE,
         announced uuid[]    NOT NULL,
         txid      bigint    NOT NULL DEFAULT txid_current()
       )`,
    );
    ({ dataSource, probe } = fixture);
  });

  // Each test's consumer stops with it: two groups on one topic would both dead-letter the same poison record.
  afterEach(async () => {
    for (const host of hosts.splice(0)) await host.stop().catch(() => undefined);
  });

  afterAll(async () => {
    await fixture?.stop();
  });

  it('handles a backlog in few transactions, each event once and in record order, seeing earlier writes', async () => {
    // Given 60 events about one complaint waiting on the broker, the 11th delivered a second time at position 31
    const startHost = await hostAtTheEnd();
    const complaintId = randomUUID();
    const events = receivedEvents(complaintId, 60);
    await publish([...events.slice(0, 30), events[10], ...events.slice(30)]);

    // When the consumer starts
    await startHost();

    // Then every event was handled once, in the order written, each seeing every earlier one
    const rows: { event_id: string; seen_before: number; txid: string }[] = await eventually(async () => {
      const found = await dataSource.query(
        'SELECT event_id, seen_before, txid FROM handled WHERE subject = $1 ORDER BY position',
        [complaintId],
      );
      expect(found).toHaveLength(60);
      return found;
    });
    expect(rows.map((r) => r.event_id)).toEqual(events.map((e) => e.id));
    expect(rows.map((r) => r.seen_before)).toEqual(events.map((_, i) => i));
    // In a handful of transactions rather than one per event
    expect(new Set(rows.map((r) => r.txid)).size).toBeLessThanOrEqual(5);
    // And each follow-up went out once, in the same order
    expect(await causesOfFollowUps(complaintId, 60)).toEqual(events.map((e) => e.id));
  });

  it('dead-letters a refused event and a record that is not JSON from the middle of a batch, alone', async () => {
    // Given 20 events waiting, the 8th refused by the handler, and a record that is not JSON after the 14th
    const startHost = await hostAtTheEnd();
    const complaintId = randomUUID();
    const events = receivedEvents(complaintId, 20, [7]);
    await publish(events.slice(0, 14));
    await probe.send(TOPICS.intakeLifecycle, complaintId, '{not json', { ce_type: COMPLAINT_RECEIVED });
    await publish(events.slice(14));

    // When the consumer starts
    await startHost();

    // Then both end on the dead-letter topic, each once, saying why
    const letters = await eventually(() => {
      const found = probe.records.filter(
        (r) => r.topic === deadLetterTopic('classification') && r.key === complaintId,
      );
      expect(found).toHaveLength(2);
      return found;
    });
    expect(letters.map((l) => l.headers['x-error-reason']).sort()).toEqual([
      'malformed-json',
      'unprocessable',
    ]);
    // And the other 19 events were handled once each, in order, with nothing kept of the refused one
    const handled = await eventually(async () => {
      const found: { event_id: string }[] = await dataSource.query(
        'SELECT event_id FROM handled WHERE subject = $1 ORDER BY position',
        [complaintId],
      );
      expect(found).toHaveLength(19);
      return found;
    });
    const accepted = events.filter((_, i) => i !== 7);
    expect(handled.map((r) => r.event_id)).toEqual(accepted.map((e) => e.id));
    expect(await dataSource.query('SELECT 1 FROM inbox WHERE event_id = $1', [events[7].id])).toHaveLength(0);
    expect(await causesOfFollowUps(complaintId, 19)).toEqual(accepted.map((e) => e.id));
  });

  it('brackets each transaction with beforeEvents and afterEvents, whose pending writes commit with it', async () => {
    // Given 30 events waiting, the 21st delivered twice
    const startHost = await hostAtTheEnd([new PendingWritesHandler()]);
    const complaintId = randomUUID();
    const events = receivedEvents(complaintId, 40, [35]);
    await publish([...events.slice(0, 30), events[20]]);

    // When the consumer starts, and after a restart finds 10 more, the 6th of them refused (so that run falls back
    // to one event per transaction)
    await startHost();
    const written = (count: number) =>
      eventually(async () => {
        const found: { event_id: string; announced: string[]; txid: string }[] = await dataSource.query(
          `SELECT w.event_id, w.announced, w.txid FROM pending_written w
           JOIN unnest($1::uuid[]) AS e(id) ON e.id = w.event_id ORDER BY w.position`,
          [events.map((e) => e.id)],
        );
        expect(found).toHaveLength(count);
        return found;
      });
    const backlog = await written(30);
    for (const host of hosts.splice(0)) await host.stop();
    await publish(events.slice(30));
    await startHost();
    const rows = await written(39);

    // Then every accepted event was written once, in order, by afterEvents
    expect(rows.map((r) => r.event_id)).toEqual(events.filter((_, i) => i !== 35).map((e) => e.id));
    // And each transaction's beforeEvents announced exactly the events handled in it, the duplicate not again
    const byTransaction = new Map<string, string[]>();
    for (const row of rows)
      byTransaction.set(row.txid, [...(byTransaction.get(row.txid) ?? []), row.event_id]);
    for (const row of rows) expect(row.announced).toEqual(byTransaction.get(row.txid));
    // And the backlog went in a handful of transactions; the run with the refused event, one event per transaction
    expect(new Set(backlog.map((r) => r.txid)).size).toBeLessThanOrEqual(5);
    expect(rows.slice(30).every((r) => r.announced.length === 1)).toBe(true);
  });
});

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { deadLetterTopic, EventEnvelope, Topic, TOPICS } from '@complaints/contracts';
import { EVENT_HANDLERS, EventHandler } from '@complaints/kafka';
import {
  baseServiceEnv,
  consumedTypesByTopic,
  deliverAfter,
  eventually,
  expectDeadLettered,
  expectDamagedEventsEndOneWay,
  expectHandled,
  expectNothingKeptFor,
  expectNothingPublishedFor,
  poisonRecordsFor,
  sendPoisonRecords,
  useServiceHarness,
} from '@complaints/testing';
import { EscalationEnv } from '../../src/config/escalation.env';
import { EscalationModule, ESCALATION_SCHEMA } from '../../src/escalation.module';
import { ESCALATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { breached, classified, eventuallyOutbox, lifecycle } from '../escalation-under-test';

/**
 * Poison on each topic escalation reads: each record ends, once, on complaints.escalation.dlq with its error, no
 * case, breach, escalation or event exists for it, and the good event after it is still applied. A type no
 * contract knows is dead-lettered too, not skipped: the contract says so (docs/asyncapi.yaml, "Dead letters").
 */
describe('escalation dead-letters poison events on every topic it reads, and keeps consuming', () => {
  const harness = useServiceHarness({
    label: 'escalation_poison',
    schema: ESCALATION_SCHEMA,
    migrations: ESCALATION_MIGRATIONS,
    module: (url) => EscalationModule.register(Object.assign(new EscalationEnv(), baseServiceEnv(url))),
    watch: [TOPICS.escalationRouting, deadLetterTopic('escalation')],
  });
  const dataSource = () => harness.service.app.get(DataSource);
  const consumed = () =>
    consumedTypesByTopic(harness.service.app.get<symbol, EventHandler[]>(EVENT_HANDLERS));
  const rowsOf = (sql: string, params: unknown[]) =>
    eventually(async () => {
      const rows: unknown[] = await dataSource().query(sql, params);
      expect(rows).toHaveLength(1);
    });

  /** A good event for the topic, and how to tell it was applied. */
  const goodEvents: Record<string, () => { envelope: EventEnvelope; applied: () => Promise<unknown> }> = {
    // A classification routes the complaint: complaint.assigned.
    [TOPICS.classificationResults]: () => {
      const envelope = classified(randomUUID());
      return {
        envelope,
        applied: () => eventuallyOutbox(harness, envelope.subject, 'complaint.assigned', 1),
      };
    },
    // A breach before the assignment is recorded, to escalate once the complaint has an owner.
    [TOPICS.slaClocks]: () => {
      const clockId = randomUUID();
      const envelope = breached(randomUUID(), { clockId });
      return {
        envelope,
        applied: () =>
          rowsOf('SELECT 1 FROM sla_breach WHERE complaint_id = $1 AND clock_id = $2', [
            envelope.subject,
            clockId,
          ]),
      };
    },
    // A resolution is kept on the complaint's case, whatever arrived before it.
    [TOPICS.intakeLifecycle]: () => {
      const envelope = lifecycle('complaint.resolved', randomUUID(), { version: 5 });
      return {
        envelope,
        applied: () =>
          rowsOf('SELECT 1 FROM complaint_case WHERE complaint_id = $1 AND lifecycle_version = 5', [
            envelope.subject,
          ]),
      };
    },
  };

  it('reads classification results, SLA clocks and the intake lifecycle, each poisoned below', () => {
    expect(Object.fromEntries(consumed())).toEqual({
      [TOPICS.classificationResults]: ['complaint.classified', 'complaint.reclassified'],
      [TOPICS.slaClocks]: ['sla.breached', 'sla.warning'],
      [TOPICS.intakeLifecycle]: [
        'complaint.reopened',
        'complaint.resolved',
        'complaint.closed',
        'complaint.withdrawn',
        'complaint.feedback-received',
      ],
    });
  });

  it.each(Object.keys(goodEvents))(
    'dead-letters every poison record on %s, then applies the next event',
    async (topic) => {
      // Given poison records for each type escalation handles on the topic, then a good event, on one partition
      const types = consumed().get(topic as Topic) ?? [];
      const batch = await sendPoisonRecords(harness.probe, topic, poisonRecordsFor(types));
      const { envelope, applied } = goodEvents[topic]();
      const good = await deliverAfter(harness.probe, batch, envelope);

      // Then the good event is handled after them
      await expectHandled(dataSource(), envelope);
      await applied();

      // And each poison record is on the dead-letter topic once, with its error, and nothing was kept or emitted
      await expectDeadLettered(harness.probe, 'escalation', batch, good);
      await expectNothingKeptFor(dataSource(), batch);
      expectNothingPublishedFor(harness.probe, [TOPICS.escalationRouting], batch);
    },
  );

  it('ends each randomly damaged event in exactly one way: handled, or dead-lettered with nothing kept', async () => {
    // 80 damaged copies of the examples of the types it handles each end handled, or dead-lettered with nothing kept
    await expectDamagedEventsEndOneWay(harness.probe, dataSource(), 'escalation', consumed());
  });
});

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
  FakeClock,
  poisonRecordsFor,
  sendPoisonRecords,
  useServiceHarness,
} from '@complaints/testing';
import { SlaTimerEnv } from '../../src/config/sla-timer.env';
import { SLA_TIMER_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { SLA_TIMER_SCHEMA, SlaTimerModule } from '../../src/sla-timer.module';
import { classified, lifecycle } from '../support/sla-timer-harness';

const RECEIVED = '2026-11-20T01:00:00.000Z';

/**
 * Poison on each topic sla-timer reads: each record ends, once, on complaints.sla-timer.dlq with its error, no
 * clock, timer, deferred fact or sla.* event exists for it, and the good event after it is still applied. A type
 * no contract knows is dead-lettered too, not skipped: the contract says so (docs/asyncapi.yaml, "Dead letters").
 */
describe('sla-timer dead-letters poison events on every topic it reads, and keeps consuming', () => {
  // A fake clock standing at receipt: no clock of the good events comes due while the spec runs.
  const clock = new FakeClock(RECEIVED);
  const harness = useServiceHarness({
    label: 'sla_timer_poison',
    schema: SLA_TIMER_SCHEMA,
    migrations: SLA_TIMER_MIGRATIONS,
    module: (url) =>
      SlaTimerModule.register(Object.assign(new SlaTimerEnv(), baseServiceEnv(url)), { clock }),
    watch: [TOPICS.slaClocks, deadLetterTopic('sla-timer')],
  });
  const dataSource = () => harness.service.app.get(DataSource);
  const consumed = () =>
    consumedTypesByTopic(harness.service.app.get<symbol, EventHandler[]>(EVENT_HANDLERS));

  /** A good event for the topic, and how to tell it was applied. */
  const goodEvents: Record<string, () => { envelope: EventEnvelope; applied: () => Promise<void> }> = {
    // complaint.classified starts the policy's three clocks, announced as sla.started.
    [TOPICS.classificationResults]: () => {
      const envelope = classified(randomUUID(), RECEIVED, { urgency: 'urgent' });
      const applied = () =>
        eventually(() => {
          const started = harness.probe.records.filter(
            (r) => r.key === envelope.subject && r.headers['ce_type'] === 'sla.started',
          );
          expect(started).toHaveLength(3);
        });
      return { envelope, applied };
    },
    // An acknowledgement before any classification is kept until the clocks exist.
    [TOPICS.intakeLifecycle]: () => {
      const envelope = lifecycle('complaint.acknowledged', randomUUID(), 2, RECEIVED);
      const applied = () =>
        eventually(async () => {
          const rows = await dataSource().query(
            'SELECT 1 FROM deferred_lifecycle_event WHERE complaint_id = $1 AND event_id = $2',
            [envelope.subject, envelope.id],
          );
          expect(rows).toHaveLength(1);
        });
      return { envelope, applied };
    },
  };

  it('reads complaints.classification.results and complaints.intake.lifecycle, each poisoned below', () => {
    expect(Object.fromEntries(consumed())).toEqual({
      [TOPICS.classificationResults]: ['complaint.classified', 'complaint.reclassified'],
      [TOPICS.intakeLifecycle]: [
        'complaint.acknowledged',
        'complaint.awaiting-customer',
        'complaint.customer-replied',
        'complaint.resolved',
        'complaint.reopened',
        'complaint.closed',
        'complaint.withdrawn',
        'complaint.deadline-extended',
      ],
    });
  });

  it.each(Object.keys(goodEvents))(
    'dead-letters every poison record on %s, then applies the next event',
    async (topic) => {
      // Given poison records for each type sla-timer handles on the topic, then a good event, on one partition
      const types = consumed().get(topic as Topic) ?? [];
      const batch = await sendPoisonRecords(harness.probe, topic, poisonRecordsFor(types));
      const { envelope, applied } = goodEvents[topic]();
      const good = await deliverAfter(harness.probe, batch, envelope);

      // Then the good event is handled after them
      await expectHandled(dataSource(), envelope);
      await applied();

      // And each poison record is on the dead-letter topic once, with its error, and nothing was kept or emitted
      await expectDeadLettered(harness.probe, 'sla-timer', batch, good);
      await expectNothingKeptFor(dataSource(), batch);
      expectNothingPublishedFor(harness.probe, [TOPICS.slaClocks], batch);
    },
  );

  it('ends each randomly damaged event in exactly one way: handled, or dead-lettered with nothing kept', async () => {
    // 80 damaged copies of the examples of the types it handles each end handled, or dead-lettered with nothing kept
    await expectDamagedEventsEndOneWay(harness.probe, dataSource(), 'sla-timer', consumed());
  });
});

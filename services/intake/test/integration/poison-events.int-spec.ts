import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { deadLetterTopic, EventEnvelope, EXAMPLE_EVENTS, Topic, TOPICS } from '@complaints/contracts';
import { EVENT_HANDLERS, EventHandler } from '@complaints/kafka';
import {
  consumedTypesByTopic,
  createTestDatabase,
  deliverAfter,
  eventually,
  expectDeadLettered,
  expectDamagedEventsEndOneWay,
  expectHandled,
  expectNothingKeptFor,
  expectNothingPublishedFor,
  freshEvent,
  poisonRecordsFor,
  sendPoisonRecords,
  TestDatabase,
  testInfra,
  TopicProbe,
} from '@complaints/testing';
import { INTAKE_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { INTAKE_SCHEMA } from '../../src/intake.module';
import { intakeKeys, startIntake } from '../intake-under-test';

/** A good event for the topic and the projection columns it must fill. */
interface GoodEvent {
  envelope: EventEnvelope;
  projected: Record<string, string>;
}

function classifiedGood(): GoodEvent {
  const example = EXAMPLE_EVENTS['complaint.classified'];
  const complaintId = randomUUID();
  return {
    envelope: freshEvent({ ...example, subject: complaintId, data: { ...example.data, complaintId } }),
    projected: { category: example.data.category, priority: example.data.priority },
  };
}

function assignedGood(): GoodEvent {
  const example = EXAMPLE_EVENTS['complaint.assigned'];
  const complaintId = randomUUID();
  return {
    envelope: freshEvent({ ...example, subject: complaintId, data: { ...example.data, complaintId } }),
    projected: { team: example.data.team, level: example.data.level },
  };
}

/**
 * Poison on each topic intake reads for its projections: each record ends, once, on complaints.intake.dlq with its
 * error, nothing is kept or emitted for it, and the good event after it still reaches the projection. A type no
 * contract knows is dead-lettered too, not skipped: the contract says so (docs/asyncapi.yaml, "Dead letters").
 */
describe('intake dead-letters poison events on the topics it projects from, and keeps consuming', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let probe: TopicProbe;

  beforeAll(async () => {
    db = await createTestDatabase('intake_poison');
    const url = await db.prepareSchema(INTAKE_SCHEMA, INTAKE_MIGRATIONS);
    probe = await new TopicProbe(testInfra().brokers, [
      TOPICS.intakeLifecycle,
      deadLetterTopic('intake'),
    ]).start();
    app = await startIntake(url, intakeKeys());
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
    await db?.drop();
  });

  const dataSource = () => app.get(DataSource);
  const consumed = () => consumedTypesByTopic(app.get<symbol, EventHandler[]>(EVENT_HANDLERS));
  const goodEvents: Record<string, () => GoodEvent> = {
    [TOPICS.classificationResults]: classifiedGood,
    [TOPICS.escalationRouting]: assignedGood,
  };

  it('reads complaints.classification.results and complaints.escalation.routing, each poisoned below', () => {
    expect(Object.fromEntries(consumed())).toEqual({
      [TOPICS.classificationResults]: ['complaint.classified', 'complaint.reclassified'],
      [TOPICS.escalationRouting]: ['complaint.assigned', 'complaint.escalated'],
    });
  });

  it.each(Object.keys(goodEvents))(
    'dead-letters every poison record on %s, then projects the next event',
    async (topic) => {
      // Given poison records for each type intake handles on the topic, then a good event, on one partition
      const types = consumed().get(topic as Topic) ?? [];
      const batch = await sendPoisonRecords(probe, topic, poisonRecordsFor(types));
      const { envelope, projected } = goodEvents[topic]();
      const good = await deliverAfter(probe, batch, envelope);

      // Then the good event is handled after them: its complaint's projection shows it
      await expectHandled(dataSource(), envelope);
      await eventually(async () => {
        const [row] = await dataSource().query(
          'SELECT category, priority, team, level FROM complaint_projection WHERE complaint_id = $1',
          [envelope.subject],
        );
        expect(row).toMatchObject(projected);
      });

      // And each poison record is on the dead-letter topic once, with its error, and nothing was kept or emitted
      await expectDeadLettered(probe, 'intake', batch, good);
      await expectNothingKeptFor(dataSource(), batch);
      expectNothingPublishedFor(probe, [TOPICS.intakeLifecycle], batch);
    },
  );

  it('ends each randomly damaged event in exactly one way: handled, or dead-lettered with nothing kept', async () => {
    // 80 damaged copies of the examples of the types it handles each end handled, or dead-lettered with nothing kept
    await expectDamagedEventsEndOneWay(probe, dataSource(), 'intake', consumed());
  });
});

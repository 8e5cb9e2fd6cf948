import { deadLetterTopic, TOPICS } from '@complaints/contracts';
import { EVENT_HANDLERS, EventHandler } from '@complaints/kafka';
import {
  baseServiceEnv,
  consumedTypesByTopic,
  deliverAfter,
  expectDeadLettered,
  expectDamagedEventsEndOneWay,
  expectHandled,
  expectNothingKeptFor,
  expectNothingPublishedFor,
  poisonRecordsFor,
  sendPoisonRecords,
  useServiceHarness,
} from '@complaints/testing';
import { ClassificationModule, CLASSIFICATION_SCHEMA } from '../../src/classification.module';
import { ClassificationEnv } from '../../src/config/classification.env';
import { CLASSIFICATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { dataSourceOf, eventuallyRecords, receivedEvent } from './complaint-events';

/**
 * Poison on the topic classification reads: each record ends, once, on complaints.classification.dlq with its
 * error, nothing is kept or emitted for it, and the complaint.received after it is still classified. A type no
 * contract knows is dead-lettered too, not skipped: the contract says so (docs/asyncapi.yaml, "Dead letters"), and
 * consumers are deployed before producers start a new type, so one arriving here is a mistake worth keeping.
 */
describe('classification dead-letters poison events and keeps consuming', () => {
  const harness = useServiceHarness({
    label: 'classification_poison',
    schema: CLASSIFICATION_SCHEMA,
    migrations: CLASSIFICATION_MIGRATIONS,
    module: (url) =>
      ClassificationModule.register(Object.assign(new ClassificationEnv(), baseServiceEnv(url))),
    watch: [TOPICS.classificationResults, deadLetterTopic('classification')],
  });
  const consumed = () =>
    consumedTypesByTopic(harness.service.app.get<symbol, EventHandler[]>(EVENT_HANDLERS));

  it('reads only complaints.intake.lifecycle, so that is the topic to poison', () => {
    expect([...consumed().keys()]).toEqual([TOPICS.intakeLifecycle]);
    expect(consumed().get(TOPICS.intakeLifecycle)).toEqual(['complaint.received', 'complaint.reopened']);
  });

  it('dead-letters every poison record on complaints.intake.lifecycle, then classifies the next complaint', async () => {
    // Given poison records for each type classification handles, then a good complaint.received, on one partition
    const types = consumed().get(TOPICS.intakeLifecycle) ?? [];
    const batch = await sendPoisonRecords(harness.probe, TOPICS.intakeLifecycle, poisonRecordsFor(types));
    const received = receivedEvent();
    const good = await deliverAfter(harness.probe, batch, received);

    // Then the good event is handled after them: classified and announced
    await expectHandled(dataSourceOf(harness), received);
    await eventuallyRecords(harness, received.subject, 'complaint.classified');

    // And each poison record is on the dead-letter topic once, with its error, and nothing was kept or emitted
    await expectDeadLettered(harness.probe, 'classification', batch, good);
    await expectNothingKeptFor(dataSourceOf(harness), batch);
    expectNothingPublishedFor(harness.probe, [TOPICS.classificationResults], batch);
  });

  it('ends each randomly damaged event in exactly one way: handled, or dead-lettered with nothing kept', async () => {
    // 80 damaged copies of the examples of the types it handles each end handled, or dead-lettered with nothing kept
    await expectDamagedEventsEndOneWay(harness.probe, dataSourceOf(harness), 'classification', consumed());
  });
});

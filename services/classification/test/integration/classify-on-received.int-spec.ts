import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EXAMPLE_EVENTS, TOPICS } from '@complaints/contracts';
import {
  bearer,
  baseServiceEnv,
  deliver,
  eventually,
  freshEvent,
  theOnlyRecord,
  useServiceHarness,
} from '@complaints/testing';
import { ClassificationModule, CLASSIFICATION_SCHEMA } from '../../src/classification.module';
import { ClassificationEnv } from '../../src/config/classification.env';
import { CLASSIFICATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';

describe('classification consumes complaint.received from the real broker', () => {
  const harness = useServiceHarness({
    label: 'classification',
    schema: CLASSIFICATION_SCHEMA,
    migrations: CLASSIFICATION_MIGRATIONS,
    module: (url) =>
      ClassificationModule.register(Object.assign(new ClassificationEnv(), baseServiceEnv(url))),
    watch: [TOPICS.classificationResults],
  });

  it('gives exactly one complaint.classified for a complaint.received delivered twice', async () => {
    // Given the same complaint.received delivered twice
    const complaintId = randomUUID();
    const example = EXAMPLE_EVENTS['complaint.received'];
    const received = freshEvent({ ...example, subject: complaintId, data: { ...example.data, complaintId } });
    await deliver(harness.probe, received, 2);

    // Then one classification is published, caused by it
    const classified = (await theOnlyRecord(harness.probe, complaintId)).value as {
      causationid: string;
      data: Record<string, unknown>;
    };
    expect(classified.causationid).toBe(received.id);
    expect(classified.data).toMatchObject({ complaintId, urgency: 'urgent', priority: 'P1', revision: 1 });

    // And a later complaint has gone through, so the duplicate had its chance to produce a second event
    const laterId = randomUUID();
    await deliver(
      harness.probe,
      freshEvent({ ...example, subject: laterId, data: { ...example.data, complaintId: laterId } }),
    );
    await eventually(() => expect(harness.probe.records.some((r) => r.key === laterId)).toBe(true));
    expect(harness.probe.records.filter((r) => r.key === complaintId)).toHaveLength(1);
    const rows = await harness.service.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM classification WHERE complaint_id = $1', [complaintId]);
    expect(rows[0].n).toBe(1);

    // And the API explains the result without the internal customer hash
    const res = await request(harness.service.app.getHttpServer())
      .get(`/v1/classifications/${complaintId}`)
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(res.body.matchedRules.length).toBeGreaterThan(0);
    expect(res.body).not.toHaveProperty('customerHash');
  });

  it('answers 404 problem+json for a complaint it has not classified', async () => {
    const res = await request(harness.service.app.getHttpServer())
      .get(`/v1/classifications/${randomUUID()}`)
      .set('authorization', await bearer(['ops:read']))
      .expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

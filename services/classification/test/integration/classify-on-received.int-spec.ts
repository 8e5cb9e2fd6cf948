import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EXAMPLE_EVENTS, TOPICS } from '@complaints/contracts';
import {
  baseServiceEnv,
  bootServiceForTest,
  deliver,
  eventually,
  freshEvent,
  ServiceUnderTest,
  testInfra,
  TopicProbe,
} from '@complaints/testing';
import { ClassificationModule, CLASSIFICATION_SCHEMA } from '../../src/classification.module';
import { ClassificationEnv } from '../../src/config/classification.env';
import { CLASSIFICATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';

describe('classification consumes complaint.received from the real broker', () => {
  let service: ServiceUnderTest;
  let probe: TopicProbe;

  beforeAll(async () => {
    probe = await new TopicProbe(testInfra().brokers, [TOPICS.classificationResults]).start();
    service = await bootServiceForTest({
      label: 'classification',
      schema: CLASSIFICATION_SCHEMA,
      migrations: CLASSIFICATION_MIGRATIONS,
      module: (url) =>
        ClassificationModule.register(Object.assign(new ClassificationEnv(), baseServiceEnv(url))),
    });
  });

  afterAll(async () => {
    await service?.stop();
    await probe?.stop();
  });

  it('gives exactly one complaint.classified for a complaint.received delivered twice', async () => {
    // Given the same complaint.received delivered twice
    const complaintId = randomUUID();
    const example = EXAMPLE_EVENTS['complaint.received'];
    const received = freshEvent({ ...example, subject: complaintId, data: { ...example.data, complaintId } });
    await deliver(probe, received, 2);

    // Then one classification is published, caused by it
    const classified = await eventually(() => {
      const found = probe.records.filter((r) => r.key === complaintId);
      expect(found).toHaveLength(1);
      return found[0].value as { causationid: string; data: Record<string, unknown> };
    });
    expect(classified.causationid).toBe(received.id);
    expect(classified.data).toMatchObject({ complaintId, urgency: 'urgent', priority: 'P1', revision: 1 });

    // And a later complaint has gone through, so the duplicate had its chance to produce a second event
    const laterId = randomUUID();
    await deliver(
      probe,
      freshEvent({ ...example, subject: laterId, data: { ...example.data, complaintId: laterId } }),
    );
    await eventually(() => expect(probe.records.some((r) => r.key === laterId)).toBe(true));
    expect(probe.records.filter((r) => r.key === complaintId)).toHaveLength(1);
    const rows = await service.app
      .get(DataSource)
      .query('SELECT count(*)::int AS n FROM classification WHERE complaint_id = $1', [complaintId]);
    expect(rows[0].n).toBe(1);

    // And the API explains the result without the internal customer hash
    const res = await request(service.app.getHttpServer())
      .get(`/v1/classifications/${complaintId}`)
      .expect(200);
    expect(res.body.matchedRules.length).toBeGreaterThan(0);
    expect(res.body).not.toHaveProperty('customerHash');
  });

  it('answers 404 problem+json for a complaint it has not classified', async () => {
    const res = await request(service.app.getHttpServer())
      .get(`/v1/classifications/${randomUUID()}`)
      .expect(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});

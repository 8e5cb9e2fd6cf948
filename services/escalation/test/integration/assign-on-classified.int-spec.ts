import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EXAMPLE_EVENTS, TOPICS } from '@complaints/contracts';
import {
  bearer,
  baseServiceEnv,
  deliver,
  freshEvent,
  theOnlyRecord,
  useServiceHarness,
} from '@complaints/testing';
import { EscalationModule, ESCALATION_SCHEMA } from '../../src/escalation.module';
import { EscalationEnv } from '../../src/config/escalation.env';
import { ESCALATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';

describe('escalation routes classified complaints on the real broker', () => {
  const harness = useServiceHarness({
    label: 'escalation',
    schema: ESCALATION_SCHEMA,
    migrations: ESCALATION_MIGRATIONS,
    module: (url) => EscalationModule.register(Object.assign(new EscalationEnv(), baseServiceEnv(url))),
    watch: [TOPICS.escalationRouting],
  });

  it('assigns a technical complaint classified twice to the technology team exactly once', async () => {
    const complaintId = randomUUID();
    const example = EXAMPLE_EVENTS['complaint.classified'];
    const classified = freshEvent({
      ...example,
      subject: complaintId,
      data: { ...example.data, complaintId, category: 'system-and-technical', risk: 'low', signals: [] },
    });
    await deliver(harness.probe, classified, 2);

    const assigned = (await theOnlyRecord(harness.probe, complaintId)).value as {
      data: Record<string, unknown>;
    };
    expect(assigned.data).toMatchObject({
      team: 'technology',
      level: 'L1',
      routingRuleId: 'technical-to-technology',
    });

    const res = await request(harness.service.app.getHttpServer())
      .get(`/v1/assignments?complaintId=${complaintId}`)
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(res.body.items).toEqual([expect.objectContaining({ team: 'technology' })]);
  });

  it('rejects an invalid query with every field error', async () => {
    const res = await request(harness.service.app.getHttpServer())
      .get('/v1/assignments?level=L9&limit=0')
      .set('authorization', await bearer(['ops:read']))
      .expect(400);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['level', 'limit']);
  });
});

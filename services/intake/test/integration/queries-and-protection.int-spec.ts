import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import fc from 'fast-check';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { EXAMPLE_EVENTS, TOPICS } from '@complaints/contracts';
import {
  bearer,
  createTestDatabase,
  deliver,
  eventually,
  freshEvent,
  TestDatabase,
  testInfra,
  testKeyRing,
  TopicProbe,
} from '@complaints/testing';
import { INTAKE_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { INTAKE_SCHEMA } from '../../src/intake.module';
import { complaintBody, fileComplaint, intakeKeys, startIntake } from '../intake-under-test';

describe('complaint queries, projections and data protection (real Postgres and Kafka)', () => {
  let db: TestDatabase;
  let url: string;
  let app: INestApplication;
  let probe: TopicProbe;
  const keys = intakeKeys();

  beforeAll(async () => {
    db = await createTestDatabase('intake_queries');
    url = await db.prepareSchema(INTAKE_SCHEMA, INTAKE_MIGRATIONS);
    probe = await new TopicProbe(testInfra().brokers, [TOPICS.intakeLifecycle]).start();
    app = await startIntake(url, keys);
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
    await db?.drop();
  });

  const get = async (path: string, scopes: Parameters<typeof bearer>[0] = ['complaints:read']) =>
    request(app.getHttpServer())
      .get(path)
      .set('authorization', await bearer(scopes));

  it('masks personal data for readers and shows it to admin', async () => {
    const { id } = await fileComplaint(app);
    const masked = await (await get(`/v1/complaints/${id}`)).body;
    expect(masked).toMatchObject({
      masked: true,
      customer: { name: '张*', phone: '138****8000', email: 'z***@example.com' },
    });
    expect(JSON.stringify(masked)).not.toMatch(/13800138000|110101199003071234|6222021234567890|zhang\.san/);
    const clear = await (await get(`/v1/complaints/${id}`, ['admin'])).body;
    expect(clear).toMatchObject({
      masked: false,
      customer: { name: '张三', phone: '13800138000', idNumber: '110101199003071234' },
    });
    expect(clear.history).toEqual([expect.objectContaining({ transition: 'register', to: 'received' })]);
  });

  it('shows the category and owning team once classification and escalation have spoken, whatever the order', async () => {
    // Given a complaint whose assignment arrives before its classification
    const { id } = await fileComplaint(app);
    const assigned = EXAMPLE_EVENTS['complaint.assigned'];
    const classified = EXAMPLE_EVENTS['complaint.classified'];
    await deliver(
      probe,
      freshEvent({
        ...assigned,
        subject: id,
        data: { ...assigned.data, complaintId: id, team: 'risk-control', level: 'L2' },
      }),
    );
    await deliver(
      probe,
      freshEvent({
        ...classified,
        subject: id,
        data: { ...classified.data, complaintId: id, category: 'account-and-transaction', priority: 'P1' },
      }),
    );

    // Then the complaint shows both, and the list filters on the category
    await eventually(async () => {
      const body = (await get(`/v1/complaints/${id}`)).body;
      expect(body.classification).toMatchObject({ category: 'account-and-transaction', priority: 'P1' });
      expect(body.assignment).toEqual({ team: 'risk-control', level: 'L2' });
    });
    const list = (await get('/v1/complaints?category=account-and-transaction&limit=200')).body;
    expect(list.items.map((i: { id: string }) => i.id)).toContain(id);
  });

  it('keeps the newest classification and routing when several arrive together, late ones included', async () => {
    // Given, in one burst: revision 2, then revision 1 late; an escalation, then the earlier assignment late
    const { id } = await fileComplaint(app);
    const classified = EXAMPLE_EVENTS['complaint.classified'];
    const assigned = EXAMPLE_EVENTS['complaint.assigned'];
    const escalated = EXAMPLE_EVENTS['complaint.escalated'];
    const classification = (revision: number, category: typeof classified.data.category) =>
      freshEvent({
        ...classified,
        subject: id,
        data: { ...classified.data, complaintId: id, revision, category },
      });
    const burst = [
      classification(2, 'account-and-transaction'),
      classification(1, 'service-attitude'),
      freshEvent({
        ...escalated,
        subject: id,
        data: {
          ...escalated.data,
          complaintId: id,
          team: 'retail-leads',
          toLevel: 'L2',
          escalatedAt: '2026-12-04T10:00:00.000Z',
        },
      }),
      freshEvent({
        ...assigned,
        subject: id,
        data: {
          ...assigned.data,
          complaintId: id,
          team: 'retail',
          level: 'L1',
          assignedAt: '2026-12-04T09:00:00.000Z',
        },
      }),
    ];
    for (const event of burst) await deliver(probe, event);

    // When all four have been handled (they travel on two topics, so in no fixed order between them)
    await eventually(async () => {
      const inbox = await app
        .get(DataSource)
        .query('SELECT count(*)::int AS n FROM inbox WHERE event_id = ANY($1::uuid[])', [
          burst.map((e) => e.id),
        ]);
      expect(inbox[0].n).toBe(4);
    });

    // Then the projection shows revision 2 and the escalation, whichever of them shared a transaction
    const body = (await get(`/v1/complaints/${id}`)).body;
    expect(body.classification).toMatchObject({ category: 'account-and-transaction' });
    expect(body.assignment).toEqual({ team: 'retail-leads', level: 'L2' });
  });

  it('pages through complaints with a cursor, newest first, without gaps or repeats', async () => {
    const channel = 'letter';
    const filed: string[] = [];
    for (let i = 0; i < 5; i++) filed.push((await fileComplaint(app, complaintBody({ channel }))).id);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: { body: { items: { id: string }[]; nextCursor: string | null } } = await get(
        `/v1/complaints?channel=${channel}&limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      );
      seen.push(...page.body.items.map((i) => i.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual([...filed].reverse());
    expect((await get('/v1/complaints?cursor=bm90LW91cnM')).status).toBe(400);
  });

  it('stores nothing and publishes nothing when the transaction fails half way', async () => {
    // Given the outbox refuses writes (a fault injected into this test database only)
    const dataSource = app.get(DataSource);
    await db.asAdmin(`CREATE FUNCTION intake.refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'injected fault'; END $$;
      CREATE TRIGGER refuse_outbox BEFORE INSERT ON intake.outbox FOR EACH ROW EXECUTE FUNCTION intake.refuse();`);
    const externalRef = `ATOMIC-${randomUUID()}`;
    try {
      // When a complaint is filed
      const res = await request(app.getHttpServer())
        .post('/v1/complaints')
        .set('authorization', await bearer(['complaints:write']))
        .set('Idempotency-Key', `key-${randomUUID()}`)
        .send(complaintBody({ externalRef }));
      expect(res.status).toBe(500);
    } finally {
      await db.asAdmin('DROP TRIGGER refuse_outbox ON intake.outbox; DROP FUNCTION intake.refuse();');
    }
    // Then neither the complaint, its audit row, its idempotency key nor its event exists
    expect(
      await dataSource.query('SELECT 1 FROM complaint WHERE external_ref = $1', [externalRef]),
    ).toHaveLength(0);
    const later = await fileComplaint(app);
    await eventually(() => expect(probe.records.some((r) => r.key === later.id)).toBe(true));
    expect(probe.records.some((r) => JSON.stringify(r.value).includes(externalRef))).toBe(false);
  });

  it('keeps old complaints readable after the key is rotated, and encrypts new ones with the new key', async () => {
    // Given a complaint stored under the first key
    const { id: before } = await fileComplaint(app);
    // When intake restarts with a second key made active and the first kept for reading
    const next = testKeyRing('pii-2');
    const rotated = await startIntake(url, keys, {
      PII_KEYS: `${keys.pii.spec},${next.spec}`,
      PII_ACTIVE_KEY: next.id,
    });
    try {
      const admin = await bearer(['admin']);
      const old = await request(rotated.getHttpServer())
        .get(`/v1/complaints/${before}`)
        .set('authorization', admin)
        .expect(200);
      expect(old.body.customer.name).toBe('张三');
      const { id: after } = await fileComplaint(rotated);
      const [row] = await rotated
        .get(DataSource)
        .query('SELECT customer_name FROM complaint WHERE id = $1', [after]);
      expect(row.customer_name.keyId).toBe('pii-2');
    } finally {
      await rotated.close();
    }
  });

  it('never answers 5xx to random bodies, and stores none of them unless valid', async () => {
    const token = await bearer(['complaints:write']);
    const dataSource = app.get(DataSource);
    const count = async () =>
      (await dataSource.query('SELECT count(*)::int AS n FROM complaint'))[0].n as number;
    const before = await count();
    let created = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.anything(),
          fc.record({
            channel: fc.string(),
            customer: fc.anything(),
            subject: fc.string({ unit: 'grapheme' }),
            description: fc.string(),
          }),
          fc.constant(complaintBody({ description: "'; DROP TABLE complaint; -- {{7*7}} ${7*7}" })),
        ),
        async (body) => {
          const res = await request(app.getHttpServer())
            .post('/v1/complaints')
            .set('authorization', token)
            .set('content-type', 'application/json')
            .set('Idempotency-Key', `key-${randomUUID()}`)
            .send(JSON.stringify(body) ?? 'null');
          expect(res.status).toBeLessThan(500);
          if (res.status === 201) created += 1;
          else expect(res.headers['content-type']).toContain('application/problem+json');
        },
      ),
      { numRuns: 150 },
    );
    // Only the valid bodies were stored (the injection attempt among them, as plain text)
    expect(await count()).toBe(before + created);
    expect(created).toBeGreaterThan(0);
  });

  it('holds each client to its rate limit with 429 and Retry-After, without slowing other clients', async () => {
    const limited = await startIntake(url, keys, {}, { perSecond: 1, burst: 2 });
    try {
      const busy = await bearer(['complaints:read'], 'busy-channel');
      const other = await bearer(['complaints:read'], 'quiet-channel');
      const call = (token: string) =>
        request(limited.getHttpServer()).get('/v1/complaints?limit=1').set('authorization', token);
      expect((await call(busy)).status).toBe(200);
      expect((await call(busy)).status).toBe(200);
      const refused = await call(busy);
      expect(refused.status).toBe(429);
      expect(refused.headers['retry-after']).toBe('1');
      expect(refused.headers['content-type']).toContain('application/problem+json');
      expect((await call(other)).status).toBe(200);
    } finally {
      await limited.close();
    }
  });
});

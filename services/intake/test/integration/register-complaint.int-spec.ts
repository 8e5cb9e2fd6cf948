import { randomUUID } from 'node:crypto';
import { INestApplication } from '@nestjs/common';
import request from 'supertest';
import { DataSource } from 'typeorm';
import { TOPICS } from '@complaints/contracts';
import {
  bearer,
  createTestDatabase,
  eventually,
  TestDatabase,
  testInfra,
  TopicProbe,
} from '@complaints/testing';
import { INTAKE_SCHEMA } from '../../src/intake.module';
import { INTAKE_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { complaintBody, intakeKeys, startIntake } from '../intake-under-test';

const validBody = complaintBody;

describe('POST /v1/complaints against real Postgres and Kafka', () => {
  let db: TestDatabase;
  let app: INestApplication;
  let probe: TopicProbe;
  let channel: string;

  beforeAll(async () => {
    const { brokers } = testInfra();
    db = await createTestDatabase('intake');
    const url = await db.prepareSchema(INTAKE_SCHEMA, INTAKE_MIGRATIONS);
    probe = await new TopicProbe(brokers, [TOPICS.intakeLifecycle]).start();
    app = await startIntake(url, intakeKeys());
    channel = await bearer(['complaints:write'], 'mobile-app-gateway');
  });

  afterAll(async () => {
    await app?.close();
    await probe?.stop();
    await db?.drop();
  });

  const post = (key: string | undefined, body: unknown) => {
    const req = request(app.getHttpServer())
      .post('/v1/complaints')
      .set('content-type', 'application/json')
      .set('authorization', channel);
    return (key ? req.set('Idempotency-Key', key) : req).send(JSON.stringify(body));
  };

  it('records a complaint and puts complaint.received on the wire with masked PII and sealed contact details', async () => {
    // When a channel files a complaint
    const res = await post(`key-${randomUUID()}`, validBody()).expect(201);

    // Then it gets an id, a human reference and the received status
    expect(res.body).toMatchObject({ status: 'received' });
    expect(res.body.reference).toMatch(/^CMP-\d{8}-\d{6}$/);

    // And complaint.received is published, keyed by the complaint id, without clear-text personal data
    const record = await eventually(() => {
      const found = probe.records.find((r) => r.key === res.body.id);
      if (!found) throw new Error('complaint.received not seen yet');
      return found;
    });
    expect(record.headers['ce_type']).toBe('complaint.received');
    const data = (record.value as { data: Record<string, unknown> }).data;
    expect(data).toMatchObject({
      complaintId: res.body.id,
      reference: res.body.reference,
      channel: 'mobile-app',
      textLanguage: 'zh',
      customer: {
        maskedName: '张*',
        maskedPhone: '138****8000',
        maskedEmail: 'z***@example.com',
        vulnerable: ['elderly'],
      },
      amount: { value: '12000.00', currency: 'CNY' },
    });
    expect(record.raw).not.toContain('13800138000');
    expect(record.raw).not.toContain('110101199003071234');
    expect(record.raw).not.toContain('6222021234567890');
    expect(record.raw).not.toContain('zhang.san@example.com');
    expect(record.raw).not.toContain('张三');
  });

  it('stores personal data encrypted: no column holds the clear text', async () => {
    // Given a complaint with every kind of personal data
    const res = await post(`key-${randomUUID()}`, validBody()).expect(201);

    // Then the stored row holds AES-256-GCM envelopes, not the values
    const dataSource = app.get(DataSource);
    const [row] = await dataSource.query(
      'SELECT row_to_json(c)::text AS json FROM complaint c WHERE id = $1',
      [res.body.id],
    );
    for (const secret of ['13800138000', 'zhang.san@example.com', '110101199003071234', '张三']) {
      expect(row.json).not.toContain(secret);
    }
    const [cols] = await dataSource.query('SELECT customer_name FROM complaint WHERE id = $1', [res.body.id]);
    expect(cols.customer_name).toMatchObject({ alg: 'AES-256-GCM', keyId: 'pii-1' });
  });

  it('replays the first response for the same Idempotency-Key and body, and refuses a different body with 409', async () => {
    const key = `key-${randomUUID()}`;
    const first = await post(key, validBody()).expect(201);
    const again = await post(key, validBody()).expect(201);
    expect(again.body).toEqual(first.body);
    expect(again.headers['idempotent-replayed']).toBe('true');

    const conflict = await post(key, validBody({ subject: 'something else' })).expect(409);
    expect(conflict.headers['content-type']).toContain('application/problem+json');
    expect(conflict.body.type).toContain('idempotency-key-reused');
  });

  it('gives 20 concurrent identical requests one complaint and one complaint.received', async () => {
    // When the same request arrives 20 times at once
    const key = `key-${randomUUID()}`;
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(key, validBody())));

    // Then all succeed with the same complaint
    expect(responses.map((r) => r.status)).toEqual(Array(20).fill(201));
    const ids = new Set(responses.map((r) => r.body.id));
    expect(ids.size).toBe(1);
    const [id] = [...ids];
    const dataSource = app.get(DataSource);
    const rows = await dataSource.query('SELECT count(*)::int AS n FROM complaint WHERE id = $1', [id]);
    expect(rows[0].n).toBe(1);
    // And exactly one event for it reaches the wire (checked after a later complaint is seen, so the relay ran)
    const later = await post(`key-${randomUUID()}`, validBody()).expect(201);
    await eventually(() => expect(probe.records.some((r) => r.key === later.body.id)).toBe(true));
    expect(probe.records.filter((r) => r.key === id)).toHaveLength(1);
  });

  it('gives each request in a burst its own answer when some of them must be refused', async () => {
    // Given 30 distinct complaints arriving at once (they are written in groups), among them two with the same
    // externalRef and two with the same Idempotency-Key but different bodies
    const externalRef = `APP-${randomUUID()}`;
    const sharedKey = `key-${randomUUID()}`;
    const bodies = Array.from({ length: 30 }, (_, i) => ({
      key: i === 2 ? sharedKey : `key-${randomUUID()}`,
      body: validBody({ externalRef: i < 2 ? externalRef : `APP-${randomUUID()}` }),
    }));
    bodies.push({
      key: sharedKey,
      body: validBody({ externalRef: `APP-${randomUUID()}`, subject: 'a different body under the same key' }),
    });
    const responses = await Promise.all(bodies.map(({ key, body }) => post(key, body)));

    // Then one of the two externalRef twins and one of the two key twins is refused with 409, the rest recorded
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 409)).toHaveLength(2);
    expect(statuses.filter((s) => s === 201)).toHaveLength(29);
    expect([statuses[0], statuses[1]].sort()).toEqual([201, 409]);
    expect([statuses[2], statuses[30]].sort()).toEqual([201, 409]);
    const recorded = responses.filter((r) => r.status === 201).map((r) => r.body.id as string);
    expect(new Set(recorded).size).toBe(29);

    // And each recorded complaint has its row, its audit entry and exactly one complaint.received on the wire
    const dataSource = app.get(DataSource);
    const [counts] = await dataSource.query(
      `SELECT (SELECT count(*)::int FROM complaint WHERE id = ANY($1::uuid[])) AS complaints,
              (SELECT count(*)::int FROM complaint_transition WHERE complaint_id = ANY($1::uuid[])) AS audit`,
      [recorded],
    );
    expect(counts).toEqual({ complaints: 29, audit: 29 });
    await eventually(() =>
      expect(probe.records.filter((r) => recorded.includes(r.key ?? '')).length).toBeGreaterThanOrEqual(29),
    );
    expect(probe.records.filter((r) => recorded.includes(r.key ?? ''))).toHaveLength(29);
  });

  it('answers 400 problem+json listing every field error, and stores nothing', async () => {
    const dataSource = app.get(DataSource);
    const [before] = await dataSource.query('SELECT count(*)::int AS n FROM complaint');
    const res = await post(`key-${randomUUID()}`, {
      channel: 'pigeon',
      customer: {
        name: '',
        segment: 'alien',
        preferredLanguage: 'fr',
        contactPreference: 'sms',
        phone: 'call me',
      },
      description: 'x'.repeat(10001),
      amount: { value: '-5', currency: 'yuan' },
      unexpected: true,
    }).expect(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const fields = (res.body.errors as { field: string }[]).map((e) => e.field).sort();
    expect(fields).toEqual(
      expect.arrayContaining([
        'channel',
        'customer.name',
        'customer.segment',
        'customer.preferredLanguage',
        'customer.phone',
        'subject',
        'description',
        'amount.value',
        'amount.currency',
        'unexpected',
      ]),
    );
    const [after] = await dataSource.query('SELECT count(*)::int AS n FROM complaint');
    expect(after.n).toBe(before.n);
  });

  it('requires an Idempotency-Key', async () => {
    const res = await post(undefined, validBody()).expect(400);
    expect(res.body.errors[0].field).toBe('Idempotency-Key');
  });

  it('refuses a second complaint with the same externalRef from the same channel', async () => {
    const externalRef = `APP-${randomUUID()}`;
    await post(`key-${randomUUID()}`, validBody({ externalRef })).expect(201);
    const res = await post(`key-${randomUUID()}`, validBody({ externalRef })).expect(409);
    expect(res.body.type).toContain('duplicate-external-ref');
  });

  it('answers malformed JSON with 400 and an oversized body with 413, both as problem+json', async () => {
    const malformed = await request(app.getHttpServer())
      .post('/v1/complaints')
      .set('content-type', 'application/json')
      .set('authorization', channel)
      .set('Idempotency-Key', `key-${randomUUID()}`)
      .send('{"channel": "phone",')
      .expect(400);
    expect(malformed.headers['content-type']).toContain('application/problem+json');

    const oversized = await post(
      `key-${randomUUID()}`,
      validBody({ description: 'x'.repeat(300 * 1024) }),
    ).expect(413);
    expect(oversized.headers['content-type']).toContain('application/problem+json');
  });

  it('refuses a request without a valid token (401) and a caller without complaints:write (403), as problem+json', async () => {
    const body = JSON.stringify(validBody());
    const anonymous = await request(app.getHttpServer())
      .post('/v1/complaints')
      .set('content-type', 'application/json')
      .set('Idempotency-Key', `key-${randomUUID()}`)
      .send(body)
      .expect(401);
    expect(anonymous.headers['content-type']).toContain('application/problem+json');
    await request(app.getHttpServer())
      .post('/v1/complaints')
      .set('content-type', 'application/json')
      .set('authorization', 'Bearer not.a.token')
      .set('Idempotency-Key', `key-${randomUUID()}`)
      .send(body)
      .expect(401);
    const reader = await request(app.getHttpServer())
      .post('/v1/complaints')
      .set('content-type', 'application/json')
      .set('authorization', await bearer(['complaints:read']))
      .set('Idempotency-Key', `key-${randomUUID()}`)
      .send(body)
      .expect(403);
    expect(reader.body.type).toContain('forbidden');
  });

  it('serves health and metrics without a token', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200);
    await request(app.getHttpServer()).get('/metrics').expect(200);
  });
});

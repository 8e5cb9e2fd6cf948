import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { bearer } from '@complaints/testing';
import { classified, useSlaTimer } from '../support/sla-timer-harness';

const office = [
  { from: '09:00', to: '12:00' },
  { from: '13:00', to: '17:00' },
];
const target = (kind: string, amount: number, unit: string, basis = '24x7') => ({
  kind,
  amount,
  unit,
  basis,
  pauseWhileAwaitingCustomer: kind === 'resolution',
  restartOnReopen: kind !== 'first-response',
});

describe('SLA policies and business calendars as versioned data', () => {
  const sla = useSlaTimer('sla_timer_rules', '2026-11-27T07:30:00.000Z'); // Friday 15:30 in Shanghai
  const server = () => sla.service.app.getHttpServer();

  it('serves the seeded defaults of the standards, with the version as ETag', async () => {
    const res = await request(server())
      .get('/v1/sla/policies')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(res.headers.etag).toBe('"1"');
    expect(res.body.version).toBe(1);
    expect(res.body.policies.map((p: { id: string }) => p.id)).toEqual(['urgent', 'general']);
    expect(res.body.policies[0].targets).toEqual([
      target('first-response', 15, 'minutes'),
      target('resolution', 24, 'hours'),
      target('regulatory-decision', 15, 'days'),
    ]);
    const calendars = await request(server())
      .get('/v1/calendars')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(calendars.body.calendars[0]).toMatchObject({ id: 'cn-mainland', timeZone: 'Asia/Shanghai' });
    expect(calendars.body.calendars[0].holidays).toContain('2026-10-01');
  });

  it('applies a new business-time calendar and policy to the next classified complaint', async () => {
    const admin = await bearer(['admin']);
    // Given a calendar with a lunch break, without time zone (Asia/Shanghai by default)
    const calendars = await request(server())
      .put('/v1/calendars')
      .set('authorization', admin)
      .set('if-match', '"1"')
      .send({
        calendars: [
          {
            id: 'cn-mainland',
            weeklyHours: { mon: office, tue: office, wed: office, thu: office, fri: office },
          },
          { id: 'cn-branch', weeklyHours: { mon: office, sat: office }, holidays: ['2026-11-30'] },
        ],
      })
      .expect(200);
    expect(calendars.body).toMatchObject({ version: 2, createdBy: 'test-user' });
    expect(calendars.body.calendars[0]).toMatchObject({
      timeZone: 'Asia/Shanghai',
      holidays: [],
      makeUpWorkingDays: [],
    });
    // And a policy counting 4 business hours to first response for branch-counter complaints
    const policies = await request(server())
      .put('/v1/sla/policies')
      .set('authorization', admin)
      .send({
        policies: [
          {
            id: 'branch',
            match: { channels: ['branch-counter'] },
            calendarId: 'cn-mainland',
            warningFractions: [0.75],
            targets: [target('first-response', 4, 'hours', 'business')],
          },
          {
            id: 'default',
            match: {},
            calendarId: 'cn-mainland',
            warningFractions: [0.5, 0.8],
            targets: [target('first-response', 60, 'minutes')],
          },
        ],
      })
      .expect(200);
    expect(policies.headers.etag).toBe('"2"');

    // When a branch complaint is classified on Friday at 15:30
    const complaintId = randomUUID();
    await sla.deliver(
      classified(complaintId, '2026-11-27T07:30:00.000Z', { channel: 'branch-counter', urgency: 'general' }),
    );
    // Then it gets one clock under the new policy: 1.5 hours on Friday and 2.5 on Monday, due Monday 11:30
    await sla.expectEvents(complaintId, ['sla.started first-response']);
    expect(sla.slaEvents(complaintId)[0].data).toMatchObject({
      policyId: 'branch/v2',
      businessTime: true,
      targetMinutes: 240,
      calendarId: 'cn-mainland',
      dueAt: '2026-11-30T03:30:00.000Z',
    });
    // And ops see its remaining working time (4 hours: it is still Friday 15:30)
    const view = await request(server())
      .get(`/v1/sla/complaints/${complaintId}`)
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(view.body.clocks[0]).toMatchObject({ timeBasis: 'business', remainingMs: 4 * 3_600_000 });
  });

  it('rejects a bad policy set whole with every field error, and keeps the version in force', async () => {
    const res = await request(server())
      .put('/v1/sla/policies')
      .set('authorization', await bearer(['admin']))
      .send({
        policies: [
          {
            id: 'Urgent!',
            match: { urgencies: ['very'] },
            calendarId: 'cn-mainland',
            warningFractions: [0.5],
            targets: [
              {
                kind: 'first-response',
                amount: 0,
                unit: 'weeks',
                basis: '24x7',
                pauseWhileAwaitingCustomer: false,
              },
            ],
          },
        ],
      })
      .expect(400)
      .expect('content-type', /application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'policies.0.id',
      'policies.0.match.urgencies',
      'policies.0.targets.0.amount',
      'policies.0.targets.0.restartOnReopen',
      'policies.0.targets.0.unit',
    ]);
    // Rules the shape cannot express are reported the same way
    const semantic = await request(server())
      .put('/v1/sla/policies')
      .set('authorization', await bearer(['admin']))
      .send({
        policies: [
          {
            id: 'x',
            match: { urgencies: ['urgent'] },
            calendarId: 'atlantis',
            warningFractions: [0.9, 0.4],
            targets: [target('first-response', 5, 'minutes')],
          },
        ],
      })
      .expect(400);
    expect(semantic.body.errors.map((e: { field: string }) => e.field)).toEqual([
      'policies[0].calendarId',
      'policies[0].warningFractions',
      'policies',
    ]);
    const current = await request(server())
      .get('/v1/sla/policies')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(current.body.version).toBe(2);
  });

  it('refuses a stale If-Match with 412, a calendar still in use with 409, and a non-admin with 403', async () => {
    const admin = await bearer(['admin']);
    const body = { calendars: [{ id: 'cn-branch', weeklyHours: { mon: office } }] };
    await request(server())
      .put('/v1/calendars')
      .set('authorization', admin)
      .set('if-match', '"1"')
      .send(body)
      .expect(412);
    const inUse = await request(server())
      .put('/v1/calendars')
      .set('authorization', admin)
      .send(body)
      .expect(409);
    expect(inUse.body.detail).toMatch(/use calendar cn-mainland/);
    await request(server())
      .put('/v1/calendars')
      .set('authorization', await bearer(['ops:read']))
      .send(body)
      .expect(403);
    const old = await request(server())
      .get('/v1/calendars?version=1')
      .set('authorization', await bearer(['ops:read']))
      .expect(200);
    expect(old.body.version).toBe(1);
    await request(server())
      .get('/v1/calendars?version=99')
      .set('authorization', await bearer(['ops:read']))
      .expect(404);
  });
});

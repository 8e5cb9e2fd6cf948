import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { deliver, eventually } from '@complaints/testing';
import { CaseWorkflow } from '../../src/application/case-workflow.service';
import { OUTBOX_SINKS, OutboxSinks } from '../../src/application/ports/event-sink';
import { breached, classified, eventuallyOutbox, useEscalationHarness } from '../escalation-under-test';

/**
 * Two changes to one complaint's case in two transactions at once (the SLA consumer, the lifecycle consumer and
 * the acknowledgement timer all change cases): the second waits for the first and must then see what it did.
 */
describe('concurrent changes to one case (real Postgres)', () => {
  const harness = useEscalationHarness('escalation_concurrency');

  it('a breach that waited for another breach escalates from the level the first one reached', async () => {
    // Given an assigned complaint at L1
    const complaintId = randomUUID();
    await deliver(harness.probe, classified(complaintId));
    await eventuallyOutbox(harness, complaintId, 'complaint.assigned', 1);
    const app = harness.service.app;
    const dataSource = app.get(DataSource);
    const workflow = app.get(CaseWorkflow);
    const sinks = app.get<OutboxSinks>(OUTBOX_SINKS);
    const breachOf = (em: EntityManager, clock: string) =>
      workflow.apply(
        em,
        complaintId,
        sinks.sinkFor(em, { correlationId: `corr-${clock}` }),
        { correlationId: `corr-${clock}` },
        (c) => c.breach({ clockId: randomUUID(), clock, dueAt: new Date(), breachedAt: new Date() }),
      );

    // When the resolution breach is applied while the first-response breach's transaction still holds the case
    let second: Promise<unknown> | undefined;
    await dataSource.transaction(async (em) => {
      await breachOf(em, 'first-response');
      second = dataSource.transaction((em2) => breachOf(em2, 'resolution'));
      await eventually(async () => {
        const [{ waiting }] = await dataSource.query(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND wait_event_type = 'Lock'`,
        );
        expect(waiting).toBe(1);
      });
    });
    await second;

    // Then the second escalation supersedes the first and goes one level higher: L1 -> L2, then L2 -> L3
    const rows = await dataSource.query(
      `SELECT from_level, to_level, state, breached_clock FROM escalation WHERE complaint_id = $1
        ORDER BY escalated_at, from_level`,
      [complaintId],
    );
    expect(rows).toEqual([
      { from_level: 'L1', to_level: 'L2', state: 'superseded', breached_clock: 'first-response' },
      { from_level: 'L2', to_level: 'L3', state: 'open', breached_clock: 'resolution' },
    ]);
    const [assignment] = await dataSource.query(`SELECT level FROM assignment WHERE complaint_id = $1`, [
      complaintId,
    ]);
    expect(assignment).toEqual({ level: 'L3' });
  });

  it('two breaches that waited for the classification escalate one after the other: L1 -> L2 -> L3', async () => {
    // Given a complaint whose first-response and resolution clocks both breached before escalation knew its routing
    const complaintId = randomUUID();
    const first = breached(complaintId, { kind: 'first-response', breachedAt: '2026-11-20T02:00:00.000Z' });
    const second = breached(complaintId, { kind: 'resolution', breachedAt: '2026-11-20T03:00:00.000Z' });
    await deliver(harness.probe, first);
    await deliver(harness.probe, second);
    const dataSource = harness.service.app.get(DataSource);
    await eventually(async () => {
      const [row] = await dataSource.query(`SELECT pending FROM complaint_case WHERE complaint_id = $1`, [
        complaintId,
      ]);
      expect(row?.pending).toHaveLength(2);
    });

    // When the classification arrives
    await deliver(harness.probe, classified(complaintId));

    // Then it is assigned, and the two breaches escalate in the order they happened, the second superseding the first
    const escalated = await eventuallyOutbox(harness, complaintId, 'complaint.escalated', 2);
    expect(escalated.map((e) => [e.data['fromLevel'], e.data['toLevel'], e.data['breachedClock']])).toEqual([
      ['L1', 'L2', 'first-response'],
      ['L2', 'L3', 'resolution'],
    ]);
    const rows = await dataSource.query(
      `SELECT to_level, state FROM escalation WHERE complaint_id = $1 ORDER BY to_level`,
      [complaintId],
    );
    expect(rows).toEqual([
      { to_level: 'L2', state: 'superseded' },
      { to_level: 'L3', state: 'open' },
    ]);
    expect(harness.probe.records.filter((r) => r.topic.endsWith('.dlq') && r.key === complaintId)).toEqual(
      [],
    );
  });
});

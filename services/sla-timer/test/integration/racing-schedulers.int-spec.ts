import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { JsonLogger, Metrics } from '@complaints/observability';
import { databaseOptions } from '@complaints/persistence';
import { eventually } from '@complaints/testing';
import { FireDueTimersService } from '../../src/application/fire-due-timers.service';
import { OutboxAlertPublisher } from '../../src/infrastructure/messaging/outbox-alert-publisher';
import { TypeormTimerStore } from '../../src/infrastructure/persistence/typeorm-timer.store';
import { TimerScheduler } from '../../src/infrastructure/scheduling/timer-scheduler';
import { OutboxWriter } from '@complaints/kafka';
import { SLA_TIMER_SCHEMA } from '../../src/sla-timer.module';
import { classified, useSlaTimer } from '../support/sla-timer-harness';

const RECEIVED = '2026-11-20T01:00:00.000Z';
const COMPLAINTS = 40;

describe('several schedulers racing over the same timers', () => {
  // Small batches so the replicas interleave many short claims.
  const sla = useSlaTimer('sla_timer_race', RECEIVED, { SLA_SCHEDULER_BATCH_SIZE: 7 });
  const replicas: { scheduler: TimerScheduler; dataSource: DataSource }[] = [];

  /** Before the harness drops the database under them. */
  async function stopReplicas(): Promise<void> {
    for (const { scheduler, dataSource } of replicas.splice(0)) {
      await scheduler.stop();
      await dataSource.destroy();
    }
  }

  /** Another replica: its own connection pool and listener, the same database and clock. */
  async function replica(name: string): Promise<TimerScheduler> {
    const url = sla.service.db.urlFor(SLA_TIMER_SCHEMA);
    const dataSource = await new DataSource(
      databaseOptions({ service: name, url, schema: SLA_TIMER_SCHEMA, entities: [], migrations: [] }),
    ).initialize();
    const timers = new TypeormTimerStore(dataSource);
    const publisher = new OutboxAlertPublisher(new OutboxWriter(SLA_TIMER_SCHEMA), SLA_TIMER_SCHEMA);
    const scheduler = new TimerScheduler(
      dataSource,
      new FireDueTimersService(timers, publisher, sla.clock),
      timers,
      sla.clock,
      {
        autoStart: true,
        instanceId: name,
        batchSize: 7,
        maxSleepMs: 60_000,
        contendedRetryMs: 20,
        databaseUrl: url,
        schema: SLA_TIMER_SCHEMA,
      },
      new JsonLogger(name, 'warn'),
      new Metrics(),
    );
    replicas.push({ scheduler, dataSource });
    return scheduler;
  }

  it('fires every timer exactly once between them', async () => {
    try {
      await race();
    } finally {
      await stopReplicas();
    }
  });

  async function race(): Promise<void> {
    // Given 40 complaints with three clocks each, all started
    const ids = Array.from({ length: COMPLAINTS }, () => randomUUID());
    for (const id of ids) await sla.deliver(classified(id, RECEIVED, { urgency: 'urgent' }));
    // (Only this test's complaints are counted: the topics also carry other spec files' events.)
    await eventually(async () => {
      const [row] = await sla.db.query('SELECT count(*)::int AS n FROM clock WHERE complaint_id = ANY($1)', [
        ids,
      ]);
      expect(row.n).toBe(3 * COMPLAINTS);
    });
    // And three more scheduler replicas next to the service's own
    const others = await Promise.all(['replica-a', 'replica-b', 'replica-c'].map(replica));
    for (const scheduler of others) await scheduler.start();

    // When a month passes, so every timer of every clock is due at once, and all four are woken
    sla.clock.advance(31 * 24 * 3_600_000);
    for (const scheduler of [sla.scheduler, ...others]) scheduler.wake();

    // Then every timer has fired
    const ours = 'clock_id IN (SELECT id FROM clock WHERE complaint_id = ANY($1))';
    await eventually(async () => {
      const [row] = await sla.db.query(
        `SELECT count(*)::int AS n FROM timer WHERE fired_at IS NULL AND ${ours}`,
        [ids],
      );
      expect(row.n).toBe(0);
    });
    // And the outbox holds exactly one event per timer, none twice
    const alerts = `FROM outbox WHERE type IN ('sla.warning', 'sla.breached') AND aggregateid = ANY($1::text[])`;
    const [counts] = await sla.db.query(
      `SELECT (SELECT count(*)::int FROM timer WHERE ${ours}) AS timers,
              (SELECT count(*)::int ${alerts}) AS alerts,
              (SELECT count(DISTINCT (payload->'data'->>'clockId', type, payload->'data'->>'threshold'))::int ${alerts})
                AS distinct_alerts,
              (SELECT count(DISTINCT fired_by)::int FROM timer WHERE ${ours}) AS schedulers`,
      [ids],
    );
    expect(counts.timers).toBe(3 * 3 * COMPLAINTS);
    expect(counts.alerts).toBe(counts.timers);
    expect(counts.distinct_alerts).toBe(counts.timers);
    // And the work was shared: more than one replica fired timers
    expect(counts.schedulers).toBeGreaterThan(1);
    // And on Kafka each complaint has exactly three breaches, one per clock
    await eventually(
      () => {
        for (const id of ids) {
          expect(sla.slaEvents(id).filter((e) => e.type === 'sla.breached')).toHaveLength(3);
          expect(sla.slaEvents(id).filter((e) => e.type === 'sla.warning')).toHaveLength(6);
        }
      },
      { timeoutMs: 60_000 },
    );
  }
});

import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { EXAMPLE_EVENTS, EventEnvelope, TOPICS } from '@complaints/contracts';
import {
  baseServiceEnv,
  deliver,
  eventually,
  FakeClock,
  freshEvent,
  ServiceHarness,
  useServiceHarness,
} from '@complaints/testing';
import { SlaTimerEnv } from '../../src/config/sla-timer.env';
import { SLA_TIMER_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';
import { TimerScheduler } from '../../src/infrastructure/scheduling/timer-scheduler';
import { SLA_TIMER_SCHEMA, SlaTimerModule } from '../../src/sla-timer.module';

export interface SlaTimerHarness extends ServiceHarness {
  readonly clock: FakeClock;
  readonly db: DataSource;
  readonly scheduler: TimerScheduler;
  /** Moves the fake clock and wakes the scheduler, as time passing would. */
  advance(ms: number): void;
  deliver(envelope: EventEnvelope, times?: number): Promise<void>;
  /** sla.* events seen on Kafka for a complaint, in order. */
  slaEvents(complaintId: string): { type: string; data: Record<string, unknown>; causationid?: string }[];
  /** Waits until the complaint's sla.* events on Kafka, as `type kind`, are exactly these (in this order). */
  expectEvents(complaintId: string, expected: string[], timeoutMs?: number): Promise<void>;
}

/** sla-timer on its own database and the test broker, with a fake clock starting at `start`. */
export function useSlaTimer(
  label: string,
  start = '2026-11-20T01:00:00.000Z',
  env: Partial<SlaTimerEnv> = {},
): SlaTimerHarness {
  const clock = new FakeClock(start);
  const harness = useServiceHarness({
    label,
    schema: SLA_TIMER_SCHEMA,
    migrations: SLA_TIMER_MIGRATIONS,
    module: (url) =>
      SlaTimerModule.register(Object.assign(new SlaTimerEnv(), baseServiceEnv(url), env), { clock }),
    watch: [TOPICS.slaClocks],
  });
  const slaEvents = (complaintId: string) =>
    harness.probe.records
      .filter((r) => r.key === complaintId)
      .map((r) => r.value as { type: string; data: Record<string, unknown>; causationid?: string });
  return {
    get service() {
      return harness.service;
    },
    get probe() {
      return harness.probe;
    },
    clock,
    get db() {
      return harness.service.app.get(DataSource);
    },
    get scheduler() {
      return harness.service.app.get(TimerScheduler);
    },
    advance(ms: number) {
      clock.advance(ms);
      this.scheduler.wake();
    },
    deliver: (envelope, times) => deliver(harness.probe, envelope, times),
    slaEvents,
    async expectEvents(complaintId, expected, timeoutMs = 30_000) {
      await eventually(
        () => expect(slaEvents(complaintId).map((e) => `${e.type} ${String(e.data.kind)}`)).toEqual(expected),
        { timeoutMs },
      );
    },
  };
}

const classifiedExample = EXAMPLE_EVENTS['complaint.classified'];

/** complaint.classified for a new complaint (fresh ids), received at `receivedAt`. */
export function classified(
  complaintId: string,
  receivedAt: string,
  data: Partial<(typeof classifiedExample)['data']> = {},
): EventEnvelope<'complaint.classified'> {
  return freshEvent({
    ...classifiedExample,
    subject: complaintId,
    correlationid: randomUUID(),
    data: { ...classifiedExample.data, complaintId, receivedAt, classifiedAt: receivedAt, ...data },
  });
}

const reclassifiedExample = EXAMPLE_EVENTS['complaint.reclassified'];

/** complaint.reclassified of a complaint received at `receivedAt` (a later revision than 1). */
export function reclassified(
  complaintId: string,
  receivedAt: string,
  data: Partial<(typeof reclassifiedExample)['data']>,
): EventEnvelope<'complaint.reclassified'> {
  return freshEvent({
    ...reclassifiedExample,
    subject: complaintId,
    correlationid: randomUUID(),
    data: { ...reclassifiedExample.data, complaintId, receivedAt, ...data },
  });
}

type LifecycleType =
  | 'complaint.acknowledged'
  | 'complaint.awaiting-customer'
  | 'complaint.customer-replied'
  | 'complaint.resolved'
  | 'complaint.reopened'
  | 'complaint.closed'
  | 'complaint.withdrawn'
  | 'complaint.deadline-extended';

/** A lifecycle event of intake's for this complaint, at `occurredAt`, with the given complaint version. */
export function lifecycle<T extends LifecycleType>(
  type: T,
  complaintId: string,
  version: number,
  occurredAt: string,
  data: Record<string, unknown> = {},
): EventEnvelope<T> {
  const example = EXAMPLE_EVENTS[type];
  return freshEvent({
    ...example,
    subject: complaintId,
    correlationid: randomUUID(),
    time: new Date(occurredAt),
    data: { ...example.data, complaintId, version, occurredAt, ...data },
  } as typeof example) as EventEnvelope<T>;
}

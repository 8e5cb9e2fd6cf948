import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { DataSource } from 'typeorm';
import {
  ComplaintClassifiedV1,
  EventEnvelope,
  EventDataOf,
  EXAMPLE_EVENTS,
  SlaBreachedV1,
  TOPICS,
} from '@complaints/contracts';
import type { Scope } from '@complaints/http-api';
import {
  baseServiceEnv,
  bearer,
  eventually,
  FakeClock,
  freshEvent,
  ServiceHarness,
  useServiceHarness,
} from '@complaints/testing';
import { EscalationEnv } from '../src/config/escalation.env';
import { EscalationModule, ESCALATION_SCHEMA } from '../src/escalation.module';
import { ESCALATION_MIGRATIONS } from '../src/infrastructure/persistence/migrations';

/**
 * Boots escalation's real module on a fresh database and the test broker, optionally on a fake clock. The timer
 * scheduler wakes at least every 100 ms, so a test that moves the fake clock sees due timers fire promptly.
 */
export function useEscalationHarness(label: string, clock?: FakeClock): ServiceHarness {
  return useServiceHarness({
    label,
    schema: ESCALATION_SCHEMA,
    migrations: ESCALATION_MIGRATIONS,
    module: (url) =>
      EscalationModule.register(
        Object.assign(new EscalationEnv(), baseServiceEnv(url), { ACKNOWLEDGEMENT_TIMER_MAX_SLEEP_MS: 100 }),
        { clock },
      ),
    watch: [TOPICS.escalationRouting],
  });
}

/** complaint.classified for a new complaint: the example's data with the facts a test needs. */
export function classified(
  complaintId: string,
  data: Partial<ComplaintClassifiedV1> = {},
): EventEnvelope<'complaint.classified'> {
  const example = EXAMPLE_EVENTS['complaint.classified'];
  return freshEvent({
    ...example,
    correlationid: randomUUID(),
    subject: complaintId,
    data: {
      ...example.data,
      complaintId,
      category: 'system-and-technical',
      subcategory: undefined,
      risk: 'low',
      urgency: 'general',
      signals: [],
      vulnerable: [],
      ...data,
    },
  });
}

/** sla.breached of the complaint's first-response clock (a fresh clock id unless the test names one). */
export function breached(
  complaintId: string,
  data: Partial<SlaBreachedV1> = {},
): EventEnvelope<'sla.breached'> {
  const example = EXAMPLE_EVENTS['sla.breached'];
  return freshEvent({
    ...example,
    subject: complaintId,
    data: { ...example.data, complaintId, clockId: randomUUID(), ...data },
  });
}

/** A lifecycle event of the complaint, at the given version. */
export function lifecycle<
  T extends 'complaint.resolved' | 'complaint.reopened' | 'complaint.closed' | 'complaint.feedback-received',
>(type: T, complaintId: string, data: Partial<EventDataOf<T>>): EventEnvelope<T> {
  const example = EXAMPLE_EVENTS[type];
  return freshEvent({
    ...example,
    subject: complaintId,
    data: { ...example.data, complaintId, ...data },
  } as typeof example) as EventEnvelope<T>;
}

/** The events the service committed to its outbox for a subject (what the relay publishes), oldest first. */
export async function outboxEvents(
  harness: ServiceHarness,
  subject: string,
  type?: string,
): Promise<{ type: string; data: Record<string, unknown>; correlationid: string; causationid?: string }[]> {
  const rows: { payload: { type: string; data: Record<string, unknown>; correlationid: string } }[] =
    await harness.service.app
      .get(DataSource)
      .query(
        `SELECT payload FROM outbox WHERE aggregateid = $1 AND ($2::text IS NULL OR type = $2) ORDER BY position`,
        [subject, type ?? null],
      );
  return rows.map((r) => r.payload);
}

/** Waits until the outbox holds exactly `count` events of the type for the subject, and returns them. */
export function eventuallyOutbox(
  harness: ServiceHarness,
  subject: string,
  type: string,
  count: number,
  timeoutMs = 30000,
): ReturnType<typeof outboxEvents> {
  return eventually(
    async () => {
      const events = await outboxEvents(harness, subject, type);
      if (events.length !== count)
        throw new Error(`expected ${count} ${type} for ${subject}, saw ${events.length}`);
      return events;
    },
    { timeoutMs },
  );
}

export function http(harness: ServiceHarness) {
  const server = () => harness.service.app.getHttpServer();
  return {
    get: async (path: string, scopes: Scope[] = ['ops:read']) =>
      request(server())
        .get(path)
        .set('authorization', await bearer(scopes)),
    post: async (
      path: string,
      body: object,
      scopes: Scope[] = ['lifecycle:write'],
      subject = 'staff-10388',
    ) =>
      request(server())
        .post(path)
        .set('authorization', await bearer(scopes, 'agent-desktop', subject))
        .send(body),
    put: async (path: string, body: object, scopes: Scope[] = ['admin']) =>
      request(server())
        .put(path)
        .set('authorization', await bearer(scopes, 'ops-console', 'admin-1'))
        .send(body),
  };
}

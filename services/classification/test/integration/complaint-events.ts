import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ComplaintReceivedV1, EnvelopeOf, EXAMPLE_EVENTS, TOPICS } from '@complaints/contracts';
import {
  baseServiceEnv,
  eventually,
  freshEvent,
  ObservedRecord,
  ServiceHarness,
  useServiceHarness,
} from '@complaints/testing';
import { ClassificationModule, CLASSIFICATION_SCHEMA } from '../../src/classification.module';
import { ClassificationEnv } from '../../src/config/classification.env';
import { CLASSIFICATION_MIGRATIONS } from '../../src/infrastructure/persistence/migrations';

/** The classification service on a fresh database and the test broker, with a probe on its results topic. */
export function useClassificationService(): ServiceHarness {
  return useServiceHarness({
    label: 'classification',
    schema: CLASSIFICATION_SCHEMA,
    migrations: CLASSIFICATION_MIGRATIONS,
    module: (url) =>
      ClassificationModule.register(Object.assign(new ClassificationEnv(), baseServiceEnv(url))),
    watch: [TOPICS.classificationResults],
  });
}

/** A fresh keyed customer hash: a customer no other test knows. */
export function newCustomerHash(): string {
  return randomBytes(32).toString('hex');
}

/** complaint.received for a new complaint: the example's data with the changes a test needs. */
export function receivedEvent(changes: ReceivedChanges = {}): EnvelopeOf<'complaint.received'> {
  const example = EXAMPLE_EVENTS['complaint.received'];
  const { customerHash, vulnerable, ...data } = changes;
  const complaintId = data.complaintId ?? randomUUID();
  return freshEvent({
    ...example,
    subject: complaintId,
    data: {
      ...example.data,
      ...data,
      complaintId,
      customer: {
        ...example.data.customer,
        customerHash: customerHash ?? newCustomerHash(),
        vulnerable: (vulnerable ?? []) as ComplaintReceivedV1['customer']['vulnerable'],
      },
    },
  }) as EnvelopeOf<'complaint.received'>;
}

export type ReceivedChanges = Partial<Omit<ComplaintReceivedV1, 'customer'>> & {
  customerHash?: string;
  vulnerable?: string[];
};

/** A general, low-risk English complaint about an app fault: P4 with the default rules. */
export function generalAppComplaint(changes: ReceivedChanges = {}): EnvelopeOf<'complaint.received'> {
  return receivedEvent({
    channel: 'online-banking',
    subject: 'App crash when opening statements',
    description: 'Every time I open my statements the app crashes. I have reinstalled it twice.',
    textLanguage: 'en',
    product: undefined,
    amount: undefined,
    ...changes,
  });
}

export function reopenedEvent(
  complaintId: string,
  version: number,
  reason?: string,
): EnvelopeOf<'complaint.reopened'> {
  const example = EXAMPLE_EVENTS['complaint.reopened'];
  const { reason: _exampleReason, ...data } = example.data;
  return freshEvent({
    ...example,
    subject: complaintId,
    data: { ...data, complaintId, version, ...(reason ? { reason } : {}) },
  }) as EnvelopeOf<'complaint.reopened'>;
}

/** The records of one type with this key, in the order the probe saw them. */
export function recordsOf(harness: ServiceHarness, key: string, type: string): ObservedRecord[] {
  return harness.probe.records.filter((r) => r.key === key && r.headers['ce_type'] === type);
}

/** Waits for exactly `count` records of the type with this key. */
export function eventuallyRecords(
  harness: ServiceHarness,
  key: string,
  type: string,
  count = 1,
): Promise<ObservedRecord[]> {
  return eventually(() => {
    const found = recordsOf(harness, key, type);
    if (found.length !== count) throw new Error(`expected ${count} ${type} for ${key}, saw ${found.length}`);
    return found;
  });
}

export interface WireEnvelope<D = Record<string, unknown>> {
  id: string;
  type: string;
  causationid?: string;
  correlationid: string;
  data: D;
}

export function envelopeOf<D = Record<string, unknown>>(record: ObservedRecord): WireEnvelope<D> {
  return record.value as WireEnvelope<D>;
}

/**
 * A reopen whose reason reports identity theft, which outranks every other category and is urgent and high risk,
 * so any complaint's result changes and complaint.reclassified follows. Delivered after the events under test on
 * the same key (so the same partition, handled in order), its reclassification proves those earlier events were
 * handled: tests can then assert what did not happen without sleeping.
 */
export function markerReopen(complaintId: string, version: number): EnvelopeOf<'complaint.reopened'> {
  return reopenedEvent(complaintId, version, 'Someone has since opened a loan in my name: identity theft.');
}

export function dataSourceOf(harness: ServiceHarness): DataSource {
  return harness.service.app.get(DataSource);
}

import type { ExampleEvents } from './example-events';

const COMPLAINT_ID = 'd160873c-489f-4ae9-ab6c-99ac6e211020';
const WITHDRAWAL_REQUEST = '7e412880-ea1f-433c-940e-e9710f6a96fd';
const WITHDRAWN_EVENT_ID = '918f6916-51ba-4d96-93e2-87cfb390014d';

/**
 * A complaint about a duplicate card payment, withdrawn by the customer once the duplicate authorisation dropped
 * off (its clock is cancelled), and a fleet-wide risk warning, which is about no single complaint: its subject,
 * and so its Kafka key, is `risk:<dimension>:<key>`.
 */
export const WITHDRAWN_AND_RISK_EXAMPLES: Pick<
  ExampleEvents,
  'complaint.withdrawn' | 'sla.cancelled' | 'risk.warning-raised'
> = {
  'complaint.withdrawn': {
    type: 'complaint.withdrawn',
    id: WITHDRAWN_EVENT_ID,
    source: 'intake',
    subject: COMPLAINT_ID,
    time: new Date('2026-12-16T02:10:00.000Z'),
    correlationid: WITHDRAWAL_REQUEST,
    data: {
      complaintId: COMPLAINT_ID,
      reference: 'CMP-20261215-000789',
      status: 'withdrawn',
      previousStatus: 'acknowledged',
      occurredAt: '2026-12-16T02:10:00.000Z',
      actor: { kind: 'staff', id: 'staff-30552' },
      reason:
        'Customer called back: the second card payment was a duplicate authorisation that has now dropped off.',
      version: 3,
    },
  },
  'sla.cancelled': {
    type: 'sla.cancelled',
    id: '8fcea479-2f5d-49d9-93ab-e9f19a13d012',
    source: 'sla-timer',
    subject: COMPLAINT_ID,
    time: new Date('2026-12-16T02:10:00.310Z'),
    correlationid: WITHDRAWAL_REQUEST,
    causationid: WITHDRAWN_EVENT_ID,
    data: {
      complaintId: COMPLAINT_ID,
      clockId: 'e4ed67e7-e5c2-4ef3-b5eb-0445877c66cf',
      kind: 'resolution',
      policyId: 'general-p4-v2026.1',
      dueAt: '2026-12-30T06:45:00.000Z',
      occurredAt: '2026-12-16T02:10:00.310Z',
      reason: 'Complaint withdrawn by the customer.',
    },
  },
  'risk.warning-raised': {
    type: 'risk.warning-raised',
    id: '843713a3-3172-4e95-9aec-198975644f8f',
    source: 'escalation',
    subject: 'risk:category:account-and-transaction',
    time: new Date('2026-11-21T00:05:00.000Z'),
    // The scheduled rate scan that found the spike: it is the flow, and nothing upstream caused it.
    correlationid: '0d854a8d-c257-4eba-9012-b8d050b442c3',
    data: {
      warningId: 'e677e399-2328-4431-91a7-090e79486014',
      dimension: 'category',
      key: 'account-and-transaction',
      metric: 'complaints',
      observed: 48,
      threshold: 30,
      windowStart: '2026-11-20T00:00:00.000Z',
      windowEnd: '2026-11-21T00:00:00.000Z',
      sampleSize: 48,
      raisedAt: '2026-11-21T00:05:00.000Z',
    },
  },
};

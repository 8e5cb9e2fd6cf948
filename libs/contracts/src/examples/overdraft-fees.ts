import type { ExampleEvents } from './example-events';

type OverdraftTypes =
  | 'sla.breached'
  | 'complaint.escalated'
  | 'escalation.acknowledged'
  | 'complaint.reopened'
  | 'complaint.reclassified'
  | 'complaint.deadline-extended'
  | 'notification.failed';

const COMPLAINT_ID = '04a5f476-a711-4fd6-8cbf-704e6401b7da';
const REFERENCE = 'CMP-20261203-000457';
const RECEIVED_AT = '2026-12-03T08:02:00.000Z';
const FIRST_RESPONSE_CLOCK_ID = '97c26194-7567-4df7-8caf-3bf92851376b';
const ESCALATION_ID = 'e3f845ef-c77f-465c-a222-c5893e84ac53';

const REQUESTS = {
  /** The e-mail intake flow: timer events about this complaint's clocks keep it. */
  intake: 'a44b9840-ca07-4e8f-9ec5-3228e64fd742',
  escalationAcknowledgement: 'c334e8cb-e2fe-4dbe-b06c-3f0c53d8c366',
  reopening: 'b541e288-2575-4fe2-adb5-12094d375b98',
  extension: '328fcdf6-6acd-4166-a119-885d6d788672',
} as const;

const EVENTS = {
  breached: 'e11eb823-bfb1-4a8b-988d-03a7963ee650',
  escalated: '883b7325-49c7-4423-8f5f-36b82c88353b',
  escalationAcknowledged: '4de26468-1940-41f7-b861-4aba58ef5d61',
  reopened: '16fda569-7da0-41cb-b968-ccbdb7c44c4c',
  reclassified: 'bf65865a-5492-40d4-91b4-3dee196560b9',
  deadlineExtended: 'aa9b7c1a-80a0-4378-a9d4-48d5c58f33a4',
  notificationFailed: 'fae7b6ef-74d9-4edd-b78a-2ace8d89c384',
} as const;

/**
 * An English complaint about overdraft fees charged after an account was closed, sent by e-mail by an elderly
 * customer: nobody answered in time, so it escalated; later it was reopened, reassessed, and its regulatory
 * deadline extended, and the e-mail telling the customer so bounced.
 */
export const OVERDRAFT_FEES_EXAMPLES: Pick<ExampleEvents, OverdraftTypes> = {
  'sla.breached': {
    type: 'sla.breached',
    id: EVENTS.breached,
    source: 'sla-timer',
    subject: COMPLAINT_ID,
    time: new Date('2026-12-04T08:02:00.120Z'),
    correlationid: REQUESTS.intake,
    data: {
      complaintId: COMPLAINT_ID,
      clockId: FIRST_RESPONSE_CLOCK_ID,
      kind: 'first-response',
      policyId: 'general-p3-v2026.1',
      dueAt: '2026-12-04T08:02:00.000Z',
      occurredAt: '2026-12-04T08:02:00.120Z',
      breachedAt: '2026-12-04T08:02:00.000Z',
    },
  },
  'complaint.escalated': {
    type: 'complaint.escalated',
    id: EVENTS.escalated,
    source: 'escalation',
    subject: COMPLAINT_ID,
    time: new Date('2026-12-04T08:02:00.480Z'),
    correlationid: REQUESTS.intake,
    causationid: EVENTS.breached,
    data: {
      complaintId: COMPLAINT_ID,
      escalationId: ESCALATION_ID,
      fromLevel: 'L1',
      toLevel: 'L2',
      team: 'retail-complaints-leads',
      trigger: 'sla-breached',
      reason: 'First-response clock breached with no agent acknowledgement.',
      breachedClock: 'first-response',
      escalatedAt: '2026-12-04T08:02:00.480Z',
      acknowledgeBy: '2026-12-04T10:02:00.480Z',
    },
  },
  'escalation.acknowledged': {
    type: 'escalation.acknowledged',
    id: EVENTS.escalationAcknowledged,
    source: 'escalation',
    subject: COMPLAINT_ID,
    time: new Date('2026-12-04T08:47:00.000Z'),
    correlationid: REQUESTS.escalationAcknowledgement,
    data: {
      complaintId: COMPLAINT_ID,
      escalationId: ESCALATION_ID,
      level: 'L2',
      acknowledgedBy: { kind: 'staff', id: 'staff-10388' },
      acknowledgedAt: '2026-12-04T08:47:00.000Z',
    },
  },
  'complaint.reopened': {
    type: 'complaint.reopened',
    id: EVENTS.reopened,
    source: 'intake',
    subject: COMPLAINT_ID,
    time: new Date('2026-12-10T09:30:00.000Z'),
    correlationid: REQUESTS.reopening,
    data: {
      complaintId: COMPLAINT_ID,
      reference: REFERENCE,
      status: 'reopened',
      previousStatus: 'resolved',
      occurredAt: '2026-12-10T09:30:00.000Z',
      actor: { kind: 'staff', id: 'staff-10388' },
      reason: 'Customer disputes the resolution: only one of the three overdraft fees was refunded.',
      version: 6,
    },
  },
  'complaint.reclassified': {
    type: 'complaint.reclassified',
    id: EVENTS.reclassified,
    source: 'classification',
    subject: COMPLAINT_ID,
    time: new Date('2026-12-10T09:30:01.050Z'),
    correlationid: REQUESTS.reopening,
    causationid: EVENTS.reopened,
    data: {
      complaintId: COMPLAINT_ID,
      reference: REFERENCE,
      category: 'account-and-transaction',
      subcategory: 'fees-and-charges',
      urgency: 'urgent',
      risk: 'high',
      priority: 'P2',
      confidence: 0.88,
      ruleSetVersion: '2026.12.0',
      matchedRules: [
        { ruleId: 'kw.en.regulator', matched: 'refer this to the regulator' },
        { ruleId: 'lifecycle.reopened', matched: '' },
      ],
      signals: ['regulator-mentioned', 'reopened'],
      channel: 'email',
      product: 'Current account',
      vulnerable: ['elderly'],
      receivedAt: RECEIVED_AT,
      classifiedAt: '2026-12-10T09:30:01.050Z',
      revision: 2,
      previous: { category: 'account-and-transaction', urgency: 'general', risk: 'medium', priority: 'P3' },
      actor: { kind: 'system', id: 'classification-rules' },
      reason: 'Reopened complaint assessed again.',
    },
  },
  'complaint.deadline-extended': {
    type: 'complaint.deadline-extended',
    id: EVENTS.deadlineExtended,
    source: 'intake',
    subject: COMPLAINT_ID,
    time: new Date('2026-12-11T03:00:00.000Z'),
    correlationid: REQUESTS.extension,
    data: {
      complaintId: COMPLAINT_ID,
      reference: REFERENCE,
      // An extension changes the deadline, not the status.
      status: 'reopened',
      previousStatus: 'reopened',
      occurredAt: '2026-12-11T03:00:00.000Z',
      actor: { kind: 'staff', id: 'staff-10388' },
      reason: 'Statements of the closed account must be retrieved from the archive.',
      version: 7,
      newTotalDays: 30,
      approver: { kind: 'staff', id: 'staff-00912' },
      receivedAt: RECEIVED_AT,
    },
  },
  'notification.failed': {
    type: 'notification.failed',
    id: EVENTS.notificationFailed,
    source: 'notification',
    subject: COMPLAINT_ID,
    time: new Date('2026-12-11T03:00:04.902Z'),
    correlationid: REQUESTS.extension,
    causationid: EVENTS.deadlineExtended,
    data: {
      notificationId: '2a7ec612-a978-43c9-aac8-d1218776d607',
      complaintId: COMPLAINT_ID,
      triggerEventId: EVENTS.deadlineExtended,
      triggerType: 'complaint.deadline-extended',
      audience: 'customer',
      channel: 'email',
      templateId: 'complaint-deadline-extended-customer',
      language: 'en',
      recipient: 'j***@example.com',
      attempts: 1,
      error: '550 5.1.1 Recipient address rejected: mailbox unavailable',
      permanent: true,
      failedAt: '2026-12-11T03:00:04.902Z',
    },
  },
};

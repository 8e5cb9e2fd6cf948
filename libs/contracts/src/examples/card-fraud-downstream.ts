import { CARD_FRAUD as A } from './card-fraud-ids';
import type { ExampleEvents } from './example-events';

type DownstreamTypes =
  | 'complaint.classified'
  | 'sla.started'
  | 'complaint.assigned'
  | 'sla.met'
  | 'sla.paused'
  | 'sla.resumed'
  | 'sla.warning'
  | 'notification.sent';

/** Five days, 24x7: the resolution target of the urgent policy in this story. */
const RESOLUTION_DUE_BEFORE_PAUSE = '2026-11-25T09:15:00.000Z';
/** The pause lasted from 2026-11-20T10:05Z to 2026-11-21T02:30Z, so the due time moved by that much. */
const RESOLUTION_DUE_AFTER_RESUME = '2026-11-26T01:40:00.000Z';

/**
 * What classification, sla-timer, escalation and notification emit for the card-fraud complaint. Events caused by
 * another event carry its id as causationid and copy its correlationid; timer-driven ones have no causation.
 */
export const CARD_FRAUD_DOWNSTREAM_EXAMPLES: Pick<ExampleEvents, DownstreamTypes> = {
  'complaint.classified': {
    type: 'complaint.classified',
    id: A.events.classified,
    source: 'classification',
    subject: A.complaintId,
    time: new Date('2026-11-20T09:15:01.284Z'),
    correlationid: A.requests.submission,
    causationid: A.events.received,
    data: {
      complaintId: A.complaintId,
      reference: A.reference,
      category: 'account-and-transaction',
      subcategory: 'unauthorised-transaction',
      urgency: 'urgent',
      risk: 'high',
      priority: 'P1',
      confidence: 0.92,
      ruleSetVersion: '2026.11.1',
      matchedRules: [
        { ruleId: 'kw.zh.unauthorised-use', matched: '盗刷' },
        { ruleId: 'amount.over-10000-cny', matched: '12860.00 CNY' },
      ],
      signals: ['unauthorised-transaction', 'large-amount'],
      channel: 'mobile-app',
      product: '信用卡',
      vulnerable: [],
      receivedAt: A.receivedAt,
      classifiedAt: '2026-11-20T09:15:01.284Z',
      revision: 1,
    },
  },
  'sla.started': {
    type: 'sla.started',
    id: A.events.slaStarted,
    source: 'sla-timer',
    subject: A.complaintId,
    time: new Date('2026-11-20T09:15:01.530Z'),
    correlationid: A.requests.submission,
    causationid: A.events.classified,
    data: {
      complaintId: A.complaintId,
      clockId: A.firstResponseClockId,
      kind: 'first-response',
      policyId: A.policyId,
      dueAt: '2026-11-20T11:15:00.000Z',
      occurredAt: '2026-11-20T09:15:01.530Z',
      // The clock runs from receipt, not from classification.
      startedAt: A.receivedAt,
      businessTime: false,
      targetMinutes: 120,
    },
  },
  'complaint.assigned': {
    type: 'complaint.assigned',
    id: A.events.assigned,
    source: 'escalation',
    subject: A.complaintId,
    time: new Date('2026-11-20T09:15:01.702Z'),
    correlationid: A.requests.submission,
    causationid: A.events.classified,
    data: {
      complaintId: A.complaintId,
      team: 'card-fraud-response',
      level: 'L2',
      routingRuleId: 'route.unauthorised-transaction.high-risk',
      matrixVersion: '2026-10',
      reason: 'High-risk unauthorised card transactions start at L2 with the card fraud response team.',
      assignedAt: '2026-11-20T09:15:01.702Z',
    },
  },
  'sla.met': {
    type: 'sla.met',
    id: A.events.slaMet,
    source: 'sla-timer',
    subject: A.complaintId,
    time: new Date('2026-11-20T09:38:00.210Z'),
    correlationid: A.requests.acknowledgement,
    causationid: A.events.acknowledged,
    data: {
      complaintId: A.complaintId,
      clockId: A.firstResponseClockId,
      kind: 'first-response',
      policyId: A.policyId,
      dueAt: '2026-11-20T11:15:00.000Z',
      occurredAt: '2026-11-20T09:38:00.210Z',
      metAt: '2026-11-20T09:38:00.000Z',
      marginMs: 5_820_000,
    },
  },
  'sla.paused': {
    type: 'sla.paused',
    id: A.events.slaPaused,
    source: 'sla-timer',
    subject: A.complaintId,
    time: new Date('2026-11-20T10:05:00.180Z'),
    correlationid: A.requests.informationRequest,
    causationid: A.events.awaitingCustomer,
    data: {
      complaintId: A.complaintId,
      clockId: A.resolutionClockId,
      kind: 'resolution',
      policyId: A.policyId,
      dueAt: RESOLUTION_DUE_BEFORE_PAUSE,
      occurredAt: '2026-11-20T10:05:00.180Z',
      remainingMs: 429_000_000,
    },
  },
  'sla.resumed': {
    type: 'sla.resumed',
    id: A.events.slaResumed,
    source: 'sla-timer',
    subject: A.complaintId,
    time: new Date('2026-11-21T02:30:00.250Z'),
    correlationid: A.requests.customerReply,
    causationid: A.events.customerReplied,
    data: {
      complaintId: A.complaintId,
      clockId: A.resolutionClockId,
      kind: 'resolution',
      policyId: A.policyId,
      dueAt: RESOLUTION_DUE_AFTER_RESUME,
      occurredAt: '2026-11-21T02:30:00.250Z',
    },
  },
  'sla.warning': {
    type: 'sla.warning',
    id: A.events.slaWarning,
    source: 'sla-timer',
    subject: A.complaintId,
    time: new Date('2026-11-25T01:40:00.000Z'),
    // Fired by the timer itself: it keeps the correlation of the event that last moved the clock, and no causation.
    correlationid: A.requests.customerReply,
    data: {
      complaintId: A.complaintId,
      clockId: A.resolutionClockId,
      kind: 'resolution',
      policyId: A.policyId,
      dueAt: RESOLUTION_DUE_AFTER_RESUME,
      occurredAt: '2026-11-25T01:40:00.000Z',
      threshold: 0.8,
      remainingMs: 86_400_000,
    },
  },
  'notification.sent': {
    type: 'notification.sent',
    id: A.events.notificationSent,
    source: 'notification',
    subject: A.complaintId,
    time: new Date('2026-11-25T07:20:03.115Z'),
    correlationid: A.requests.resolution,
    causationid: A.events.resolved,
    data: {
      notificationId: A.notificationId,
      complaintId: A.complaintId,
      triggerEventId: A.events.resolved,
      triggerType: 'complaint.resolved',
      audience: 'customer',
      channel: 'sms',
      templateId: 'complaint-resolved-customer',
      language: 'zh-CN',
      recipient: '138****5678',
      attempts: 1,
      sentAt: '2026-11-25T07:20:03.115Z',
    },
  },
};

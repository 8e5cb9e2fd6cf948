import { CARD_FRAUD as A } from './card-fraud-ids';
import type { ExampleEvents } from './example-events';

type IntakeTypes =
  | 'complaint.received'
  | 'complaint.acknowledged'
  | 'complaint.awaiting-customer'
  | 'complaint.customer-replied'
  | 'complaint.resolved'
  | 'complaint.feedback-received'
  | 'complaint.closed';

const ref = { complaintId: A.complaintId, reference: A.reference } as const;

/**
 * The intake side of a Chinese card-fraud complaint filed in the mobile app: received, taken on, information asked
 * for and given, upheld, rated and closed. Only masked customer values and an encrypted contact block appear.
 */
export const CARD_FRAUD_INTAKE_EXAMPLES: Pick<ExampleEvents, IntakeTypes> = {
  'complaint.received': {
    type: 'complaint.received',
    id: A.events.received,
    source: 'intake',
    subject: A.complaintId,
    time: new Date(A.receivedAt),
    correlationid: A.requests.submission,
    data: {
      ...ref,
      channel: 'mobile-app',
      externalRef: 'APP-20261120-88421',
      receivedAt: A.receivedAt,
      customer: {
        maskedName: '张*',
        maskedPhone: '138****5678',
        segment: 'individual',
        vulnerable: [],
        preferredLanguage: 'zh-CN',
        contactPreference: 'sms',
        customerHash: 'f853a40d74ae58e7160aac2f9e34ca1bd8b4a122f5df311e7668b40b63c224e0',
      },
      contact: {
        alg: 'AES-256-GCM',
        keyId: 'contact-key-2026-11',
        iv: 'HlQWBC4Zhxtgnd7T',
        tag: 'HCpx9el1zeb4QZQCnvWGmQ==',
        ciphertext: 'R4P7CGX1K39ppIaSlsgsMT3I+9ekfs5OPOjO/f35sFn9f2XHZ07JFJ4JjK4pdTFBMr+2hLR4qdAaPw==',
      },
      subject: '信用卡被盗刷',
      description:
        '本人尾号1234的信用卡于11月19日晚间在境外购物网站被连续扣款三笔，合计人民币12,860.00元。' +
        '卡片一直在本人身上，本人从未在该网站购物，也未向任何人透露过验证码。联系电话138****5678。' +
        '请求立即冻结卡片、撤销上述交易并退回款项。',
      textLanguage: 'zh',
      product: '信用卡',
      amount: { value: '12860.00', currency: 'CNY' },
      occurredAt: '2026-11-19T14:32:00.000Z',
      attachments: [
        {
          name: '扣款短信截图.png',
          url: `https://files.complaints.bank.example/attachments/${A.complaintId}/${A.attachmentId}`,
          sha256: 'db8e9a13169b291cf52de7088f9075a8c1baef59a2091d924adf3d091bfc7536',
        },
      ],
      version: 1,
    },
  },
  'complaint.acknowledged': {
    type: 'complaint.acknowledged',
    id: A.events.acknowledged,
    source: 'intake',
    subject: A.complaintId,
    time: new Date('2026-11-20T09:38:00.000Z'),
    correlationid: A.requests.acknowledgement,
    data: {
      ...ref,
      status: 'acknowledged',
      previousStatus: 'received',
      occurredAt: '2026-11-20T09:38:00.000Z',
      actor: { kind: 'staff', id: 'staff-20417' },
      version: 2,
    },
  },
  'complaint.awaiting-customer': {
    type: 'complaint.awaiting-customer',
    id: A.events.awaitingCustomer,
    source: 'intake',
    subject: A.complaintId,
    time: new Date('2026-11-20T10:05:00.000Z'),
    correlationid: A.requests.informationRequest,
    data: {
      ...ref,
      status: 'awaiting-customer',
      previousStatus: 'acknowledged',
      occurredAt: '2026-11-20T10:05:00.000Z',
      actor: { kind: 'staff', id: 'staff-20417' },
      reason: '需客户补充交易发生时的情况说明。',
      version: 3,
      informationRequested:
        '请说明三笔交易发生时您本人所在的位置，以及近期是否在陌生网站或链接中输入过卡片信息或验证码。',
    },
  },
  'complaint.customer-replied': {
    type: 'complaint.customer-replied',
    id: A.events.customerReplied,
    source: 'intake',
    subject: A.complaintId,
    time: new Date('2026-11-21T02:30:00.000Z'),
    correlationid: A.requests.customerReply,
    data: {
      ...ref,
      status: 'customer-replied',
      previousStatus: 'awaiting-customer',
      occurredAt: '2026-11-21T02:30:00.000Z',
      actor: { kind: 'channel', id: 'mobile-app' },
      version: 4,
    },
  },
  'complaint.resolved': {
    type: 'complaint.resolved',
    id: A.events.resolved,
    source: 'intake',
    subject: A.complaintId,
    time: new Date('2026-11-25T07:20:00.000Z'),
    correlationid: A.requests.resolution,
    data: {
      ...ref,
      status: 'resolved',
      previousStatus: 'customer-replied',
      occurredAt: '2026-11-25T07:20:00.000Z',
      actor: { kind: 'staff', id: 'staff-20417' },
      version: 5,
      outcome: 'upheld',
      resolutionSummary:
        '经核查，三笔交易均为境外网站盗刷，非持卡人本人操作。我行已为您办理挂失换卡，并全额退回人民币12,860.00元。',
      remedy: '免除新卡工本费及本期相关利息。',
    },
  },
  'complaint.feedback-received': {
    type: 'complaint.feedback-received',
    id: A.events.feedbackReceived,
    source: 'intake',
    subject: A.complaintId,
    time: new Date('2026-11-25T12:02:00.000Z'),
    correlationid: A.requests.feedback,
    data: {
      ...ref,
      // Feedback does not move the complaint: it stays resolved, and the version still increases.
      status: 'resolved',
      previousStatus: 'resolved',
      occurredAt: '2026-11-25T12:02:00.000Z',
      actor: { kind: 'channel', id: 'sms' },
      version: 6,
      satisfaction: 4,
      comment: '处理结果满意，希望以后能更早联系我。',
    },
  },
  'complaint.closed': {
    type: 'complaint.closed',
    id: A.events.closed,
    source: 'intake',
    subject: A.complaintId,
    time: new Date('2026-11-27T07:20:00.000Z'),
    correlationid: A.requests.autoCloseRun,
    data: {
      ...ref,
      status: 'closed',
      previousStatus: 'resolved',
      occurredAt: '2026-11-27T07:20:00.000Z',
      actor: { kind: 'system', id: 'auto-close' },
      reason: 'No further contact within 48 hours of the resolution.',
      version: 7,
    },
  },
};

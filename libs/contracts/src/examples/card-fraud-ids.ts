/**
 * Fixed identifiers of the card-fraud story (complaint CMP-20261120-000123), shared by its intake and downstream
 * examples so the causal chain (correlation and causation ids) links up across services as it would in production.
 */
export const CARD_FRAUD = {
  complaintId: 'd4b7cc29-ac16-4e34-aa77-56b5cb754289',
  reference: 'CMP-20261120-000123',
  receivedAt: '2026-11-20T09:15:00.000Z',
  firstResponseClockId: '5d3b0886-f5db-4fd2-9a51-723c275c9fc0',
  resolutionClockId: '44eeddbc-5ddf-4434-9a22-04e04b951eb6',
  policyId: 'urgent-p1-v2026.1',
  /** One correlation id per originating request: the app submission, then each agent or customer action. */
  requests: {
    submission: 'ae2e243d-683b-4240-903f-4ca22009ed44',
    acknowledgement: 'a2893917-93d2-479c-a7a6-3423d11ac6cd',
    informationRequest: '984e776b-0c41-4524-a705-296af9bad9e3',
    customerReply: '2c2e8ddd-1baf-400a-a724-b1e7001acf98',
    resolution: '4102fad0-3280-42c5-87c0-5d6baed5258e',
    feedback: '64ab6260-0867-4c78-8c91-8ad1fe851dfa',
    autoCloseRun: 'b7b828a7-94bc-42f9-a987-1d43dfc14883',
  },
  events: {
    received: '146e3978-c5fa-4c9c-9627-8160e7226372',
    classified: '13b67fec-e9f1-4db2-a1eb-c87e04b6199b',
    slaStarted: '9ba7228d-c4fc-4985-9ae7-d8fa1ec6d53f',
    assigned: '9a89bef6-eaff-41c3-bce8-0bff8bccf024',
    acknowledged: 'c42b8016-397b-482a-926c-63138bee395f',
    slaMet: '1b9ff9e7-58e7-4cb2-b1c6-bc4d2c662ce9',
    awaitingCustomer: '876548dd-739c-41e1-8b38-9acfcef7e3dd',
    slaPaused: 'b35bfdd9-1558-445c-b8f3-2885b55ab677',
    customerReplied: '47440462-bf63-497d-b519-0be8f70b7d4a',
    slaResumed: 'd31e27dc-1780-4784-b8ee-fa2defa2c3fa',
    slaWarning: '96704403-f0d0-445c-a71e-e2d4e3f31e64',
    resolved: 'b13d42fb-272d-4d38-86a5-86c91b79e9ed',
    notificationSent: 'cccd2388-fd88-4bad-9810-7837e6a4a55a',
    feedbackReceived: '9fa73cb1-398a-4c22-8e07-c9854268098f',
    closed: '2fd54234-6f19-4eb7-9148-4ba0775f384f',
  },
  notificationId: 'f679e5bb-b660-4880-b9bb-6d5fdf7c2fe1',
  attachmentId: '0241012e-d7f8-49b5-8dbc-af0ae9d79bdf',
} as const;

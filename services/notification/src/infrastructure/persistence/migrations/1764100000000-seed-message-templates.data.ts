/**
 * The message templates seeded as version 2 of the template set by migration 1764100000000. Frozen with that
 * migration: later changes go through PUT /v1/templates (or a new migration), never by editing this file.
 *
 * The customer hears about receipt (with the reference and when to expect an answer), requests for information,
 * deadline extensions (with the reason) and the result (with the survey link), on SMS or e-mail, in Chinese or
 * English (domain-requirements §6.1-6.5, §6.15). Staff hear about assignments, clock warnings and breaches,
 * escalations and risk warnings (§5.17, §6.10) by e-mail or signed webhook.
 */
export interface SeedTemplate {
  eventType: string;
  audience: string;
  channel: string;
  language: string;
  subject: string | null;
  body: string;
}

interface Text {
  subject: string | null;
  body: string;
}

type Bilingual = { 'zh-CN': { sms: string; email: Text }; en: { sms: string; email: Text } };

const CUSTOMER: Record<string, Bilingual> = {
  'complaint.received': {
    'zh-CN': {
      sms: '【投诉受理】您的投诉已受理，编号 {{reference}}。我们将在{{answerWithinDays}}日内（{{answerBy}}前）答复您，联系我们时请提供编号。',
      email: {
        subject: '您的投诉已受理（编号 {{reference}}）',
        body:
          '{{name}}，您好：\n\n我们已于{{receivedAt}}受理您的投诉，编号 {{reference}}。' +
          '我们将在{{answerWithinDays}}日内（{{answerBy}}前）将处理结果告知您。\n\n' +
          '如需补充材料，请回复本邮件并注明编号。感谢您的耐心。',
      },
    },
    en: {
      sms: 'We have received your complaint, reference {{reference}}. We will answer within {{answerWithinDays}} days, by {{answerBy}}. Please quote the reference when you contact us.',
      email: {
        subject: 'We have received your complaint ({{reference}})',
        body:
          'Dear {{name}},\n\nWe received your complaint on {{receivedAt}}; its reference is {{reference}}. ' +
          'We will tell you the outcome within {{answerWithinDays}} days, by {{answerBy}}.\n\n' +
          'If you have more information for us, please reply to this e-mail and quote the reference. Thank you for your patience.',
      },
    },
  },
  'complaint.awaiting-customer': {
    'zh-CN': {
      sms: '【投诉处理】关于您的投诉（编号 {{reference}}），请补充以下信息：{{informationRequested}} 回复时请注明编号，谢谢。',
      email: {
        subject: '请补充投诉相关信息（编号 {{reference}}）',
        body:
          '{{name}}，您好：\n\n为继续处理您的投诉（编号 {{reference}}），请您补充以下信息：\n\n{{informationRequested}}\n\n' +
          '收到您的回复后我们将继续处理。请回复本邮件并注明编号，谢谢。',
      },
    },
    en: {
      sms: 'About your complaint {{reference}}: please send us the following: {{informationRequested}} Quote the reference when you reply. Thank you.',
      email: {
        subject: 'We need more information about your complaint ({{reference}})',
        body:
          'Dear {{name}},\n\nTo continue with your complaint {{reference}}, we need the following from you:\n\n{{informationRequested}}\n\n' +
          'We will continue as soon as we hear from you. Please reply to this e-mail and quote the reference.',
      },
    },
  },
  'complaint.deadline-extended': {
    'zh-CN': {
      sms: '【投诉处理】您的投诉（编号 {{reference}}）处理期限已延长至{{newDeadline}}（自受理起{{newTotalDays}}日）。原因：{{reason}} 给您带来不便，敬请谅解。',
      email: {
        subject: '投诉处理期限延长通知（编号 {{reference}}）',
        body:
          '{{name}}，您好：\n\n您的投诉（编号 {{reference}}）需要更多时间处理，处理期限延长至{{newDeadline}}' +
          '（自受理之日起{{newTotalDays}}日）。\n\n延期原因：{{reason}}\n\n给您带来不便，敬请谅解。',
      },
    },
    en: {
      sms: 'The deadline for your complaint {{reference}} is extended to {{newDeadline}} ({{newTotalDays}} days from receipt). Reason: {{reason}} We apologise for the delay.',
      email: {
        subject: 'The deadline for your complaint has been extended ({{reference}})',
        body:
          'Dear {{name}},\n\nYour complaint {{reference}} needs more time. We have extended the deadline to {{newDeadline}} ' +
          '({{newTotalDays}} days from receipt).\n\nReason: {{reason}}\n\nWe apologise for the delay.',
      },
    },
  },
  'complaint.resolved': {
    'zh-CN': {
      sms: '【投诉处理结果】您的投诉（编号 {{reference}}）已处理完毕：{{resolutionSummary}} {{remedy}} 欢迎评价本次服务：{{surveyLink}}',
      email: {
        subject: '您的投诉处理结果（编号 {{reference}}）',
        body:
          '{{name}}，您好：\n\n您的投诉（编号 {{reference}}）已处理完毕。\n\n处理结果：{{resolutionSummary}}\n{{remedy}}\n\n' +
          '如对处理结果有异议，请回复本邮件。欢迎您对本次服务进行评价：{{surveyLink}}\n\n感谢您的信任。',
      },
    },
    en: {
      sms: 'Your complaint {{reference}} has been resolved: {{resolutionSummary}} {{remedy}} Please tell us how we did: {{surveyLink}}',
      email: {
        subject: 'The outcome of your complaint ({{reference}})',
        body:
          'Dear {{name}},\n\nWe have finished looking into your complaint {{reference}}.\n\nOutcome: {{resolutionSummary}}\n{{remedy}}\n\n' +
          'If you disagree with the outcome, please reply to this e-mail. We would value your view of how we handled it: {{surveyLink}}\n\nThank you.',
      },
    },
  },
};

type StaffText = { 'zh-CN': Text; en: Text };

const STAFF: { eventType: string; audiences: string[]; text: StaffText }[] = [
  {
    eventType: 'complaint.assigned',
    audiences: ['assignee'],
    text: {
      'zh-CN': {
        subject: '新投诉已分派至{{team}}：{{reference}}（{{level}}）',
        body: '投诉 {{reference}} 已于{{assignedAt}}分派至{{team}}，级别 {{level}}。\n原因：{{reason}}\n投诉ID：{{complaintId}}',
      },
      en: {
        subject: 'New complaint for {{team}}: {{reference}} ({{level}})',
        body: 'Complaint {{reference}} was assigned to {{team}} at level {{level}} on {{assignedAt}}.\nReason: {{reason}}\nComplaint id: {{complaintId}}',
      },
    },
  },
  {
    eventType: 'sla.warning',
    audiences: ['assignee'],
    text: {
      'zh-CN': {
        subject: '时限预警：{{reference}}（{{clockKind}}）将于{{dueAt}}到期',
        body:
          '投诉 {{reference}} 的 {{clockKind}} 时限已用去{{thresholdPercent}}%，剩余{{remainingMinutes}}分钟（{{dueAt}}到期）。\n' +
          '团队：{{team}}\n投诉ID：{{complaintId}}',
      },
      en: {
        subject: 'SLA warning: {{reference}} {{clockKind}} due {{dueAt}}',
        body:
          'The {{clockKind}} clock of complaint {{reference}} has used {{thresholdPercent}}% of its time; ' +
          '{{remainingMinutes}} minutes remain (due {{dueAt}}).\nTeam: {{team}}\nComplaint id: {{complaintId}}',
      },
    },
  },
  {
    eventType: 'sla.breached',
    audiences: ['assignee', 'team-lead', 'ops'],
    text: {
      'zh-CN': {
        subject: '时限超时：{{reference}}（{{clockKind}}）',
        body: '投诉 {{reference}} 的 {{clockKind}} 时限应于{{dueAt}}完成，已于{{breachedAt}}超时。\n团队：{{team}}\n投诉ID：{{complaintId}}',
      },
      en: {
        subject: 'SLA breached: {{reference}} {{clockKind}}',
        body: 'The {{clockKind}} clock of complaint {{reference}} was due {{dueAt}} and breached at {{breachedAt}}.\nTeam: {{team}}\nComplaint id: {{complaintId}}',
      },
    },
  },
  {
    eventType: 'complaint.escalated',
    audiences: ['team-lead', 'management'],
    text: {
      'zh-CN': {
        subject: '投诉已升级至{{toLevel}}：{{reference}}',
        body:
          '投诉 {{reference}} 已于{{escalatedAt}}由{{fromLevel}}升级至{{toLevel}}（{{team}}），触发原因：{{trigger}}。\n' +
          '说明：{{reason}}\n请于{{acknowledgeBy}}前确认。\n投诉ID：{{complaintId}}',
      },
      en: {
        subject: 'Complaint escalated to {{toLevel}}: {{reference}}',
        body:
          'Complaint {{reference}} was escalated from {{fromLevel}} to {{toLevel}} ({{team}}) on {{escalatedAt}} because of {{trigger}}.\n' +
          'Reason: {{reason}}\nPlease acknowledge by {{acknowledgeBy}}.\nComplaint id: {{complaintId}}',
      },
    },
  },
  {
    eventType: 'risk.warning-raised',
    audiences: ['ops', 'management'],
    text: {
      'zh-CN': {
        subject: '风险预警：{{dimension}} {{key}} 的 {{metric}} 超过阈值',
        body: '{{windowStart}}至{{windowEnd}}期间，{{dimension}} {{key}} 的 {{metric}} 为{{observed}}，超过阈值{{threshold}}（样本数：{{sampleSize}}）。',
      },
      en: {
        subject: 'Risk warning: {{metric}} for {{dimension}} {{key}}',
        body: '{{observed}} {{metric}} for {{dimension}} {{key}} between {{windowStart}} and {{windowEnd}} crossed the threshold of {{threshold}} (sample: {{sampleSize}}).',
      },
    },
  },
];

const LANGUAGES = ['zh-CN', 'en'] as const;

export const SEED_TEMPLATES: SeedTemplate[] = [
  ...Object.entries(CUSTOMER).flatMap(([eventType, texts]) =>
    LANGUAGES.flatMap((language) => [
      { eventType, audience: 'customer', channel: 'sms', language, subject: null, body: texts[language].sms },
      { eventType, audience: 'customer', channel: 'email', language, ...texts[language].email },
    ]),
  ),
  // Staff tools get the same words by e-mail and by webhook (where the subject is the title).
  ...STAFF.flatMap(({ eventType, audiences, text }) =>
    audiences.flatMap((audience) =>
      LANGUAGES.flatMap((language) =>
        (['email', 'webhook'] as const).map((channel) => ({
          eventType,
          audience,
          channel,
          language,
          ...text[language],
        })),
      ),
    ),
  ),
];

/**
 * The first staff directory: one mailbox per audience for every team. Replace it with PUT /v1/staff-recipients;
 * webhooks need a signing secret named in WEBHOOK_SECRETS.
 */
export const SEED_STAFF_RECIPIENTS = [
  { id: 'complaints-desk', audience: 'assignee', address: 'complaints-desk@bank.example' },
  { id: 'complaint-team-leads', audience: 'team-lead', address: 'complaint-team-leads@bank.example' },
  { id: 'complaint-ops', audience: 'ops', address: 'complaint-ops@bank.example' },
  { id: 'complaint-management', audience: 'management', address: 'complaint-management@bank.example' },
].map((r) => ({ ...r, team: '*', channel: 'email', language: 'zh-CN' }));

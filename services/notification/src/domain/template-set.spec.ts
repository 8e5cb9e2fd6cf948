import { Template } from './template';
import { validateTemplateSet } from './template-set';

function customerSet(eventType: string, body = 'Ref {{reference}}'): Template[] {
  return (['sms', 'email'] as const).flatMap((channel) =>
    (['zh-CN', 'en'] as const).map((language) => ({
      eventType,
      audience: 'customer' as const,
      channel,
      language,
      ...(channel === 'email' ? { subject: 'About {{reference}}' } : {}),
      body,
    })),
  );
}

describe('template set validation', () => {
  it('accepts a complete customer set using only the variables its event supplies', () => {
    // Given every customer variant of complaint.resolved, using its variables and the customer's name
    const set = customerSet(
      'complaint.resolved',
      '{{name}}: {{resolutionSummary}} {{remedy}} {{surveyLink}}',
    );
    // When validated, Then nothing is wrong
    expect(validateTemplateSet(set)).toEqual([]);
  });

  it('refuses a variable the event does not supply, naming the template field and the variables available', () => {
    // Given an SMS that uses a variable complaint.received does not have
    const set = customerSet('complaint.received');
    set[0] = { ...set[0], body: 'Ref {{reference}} due {{dueAt}}' };
    // When validated
    const problems = validateTemplateSet(set);
    // Then the error names the field, the unknown variable and what is available
    expect(problems).toEqual([
      {
        field: 'templates.0.body',
        message: expect.stringMatching(
          /unknown variable \{\{dueAt\}\} for complaint\.received.*available: .*answerBy/,
        ),
      },
    ]);
  });

  it("refuses the customer's name in a staff template: staff messages never carry it", () => {
    const problems = validateTemplateSet([
      {
        eventType: 'complaint.assigned',
        audience: 'assignee',
        channel: 'email',
        language: 'en',
        subject: 'x',
        body: '{{name}}',
      },
    ]);
    expect(problems.map((p) => p.field)).toEqual(['templates.0.body']);
  });

  it('reports every problem at once: missing subject, SMS subject, webhook to a customer, duplicates, gaps', () => {
    // Given a set with five different mistakes
    const problems = validateTemplateSet([
      { eventType: 'complaint.resolved', audience: 'customer', channel: 'email', language: 'en', body: 'x' },
      {
        eventType: 'complaint.resolved',
        audience: 'customer',
        channel: 'sms',
        language: 'en',
        subject: 's',
        body: 'x',
      },
      {
        eventType: 'complaint.resolved',
        audience: 'customer',
        channel: 'webhook',
        language: 'en',
        body: 'x',
      },
      {
        eventType: 'sla.warning',
        audience: 'ops',
        channel: 'email',
        language: 'en',
        subject: 's',
        body: '{{ 1+1 }}',
      },
      {
        eventType: 'sla.warning',
        audience: 'ops',
        channel: 'email',
        language: 'en',
        subject: 's',
        body: 'x',
      },
      {
        eventType: 'complaint.closed',
        audience: 'ops',
        channel: 'email',
        language: 'en',
        subject: 's',
        body: 'x',
      },
    ]);
    // Then each is reported against its field
    expect(problems.map((p) => p.field)).toEqual([
      'templates.0.subject',
      'templates.1.subject',
      'templates.2.channel',
      'templates.3.body',
      'templates.4.eventType',
      'templates.5.eventType',
      'templates',
    ]);
    expect(problems[6].message).toContain('missing sms/zh-CN, email/zh-CN');
  });
});

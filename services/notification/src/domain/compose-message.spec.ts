import { composeMessage } from './compose-message';
import { deriveVariables, withReference } from './derived-variables';
import { variablesFor } from './template-variables';

describe('composing a message', () => {
  it("formats dates in the reader's language and the display time zone, and leaves absent optional values empty", () => {
    // Given a resolved complaint without a remedy, for a Chinese and an English reader
    const specs = variablesFor('complaint.resolved', 'customer');
    const raw = {
      reference: 'CMP-1',
      resolutionSummary: '已退款',
      surveyLink: 'https://s.example/?ref=CMP-1',
      name: '王五',
    };
    // When composed, Then the optional remedy renders empty and nothing else is touched
    expect(
      composeMessage(
        { body: '{{name}}：{{resolutionSummary}}{{remedy}}' },
        specs,
        raw,
        'zh-CN',
        'Asia/Shanghai',
      ),
    ).toEqual({ body: '王五：已退款' });
  });

  it('writes the answer date as a reader expects it', () => {
    // Given a complaint received late on 20 November UTC, answered within 15 days
    const raw = deriveVariables(
      'complaint.received',
      { complaintId: 'c', reference: 'CMP-1', receivedAt: '2026-11-20T17:30:00.000Z' },
      { answerWithinDays: 15, surveyUrl: 'https://s.example', team: null },
    );
    const specs = variablesFor('complaint.received', 'customer');
    const template = {
      subject: '{{reference}}',
      body: '{{answerWithinDays}} / {{answerBy}} / {{receivedAt}}',
    };
    // Then the date is the Shanghai date, in Chinese and in English
    expect(composeMessage(template, specs, raw, 'zh-CN', 'Asia/Shanghai')).toEqual({
      subject: 'CMP-1',
      body: '15 / 2026年12月6日 / 2026年11月21日 01:30',
    });
    expect(composeMessage(template, specs, raw, 'en', 'Asia/Shanghai').body).toBe(
      '15 / 6 December 2026 / 21 November 2026 at 01:30',
    );
  });

  it('adds the survey link with the reference, and the team a clock event lacks', () => {
    const resolved = deriveVariables(
      'complaint.resolved',
      { reference: 'CMP-20261120-000123' },
      { answerWithinDays: 15, surveyUrl: 'https://survey.bank.example/c?src=sms', team: null },
    );
    expect(resolved['surveyLink']).toBe('https://survey.bank.example/c?src=sms&ref=CMP-20261120-000123');
    const warning = deriveVariables(
      'sla.warning',
      {},
      { answerWithinDays: 15, surveyUrl: 'https://s.example', team: 'risk-control' },
    );
    expect(warning['team']).toBe('risk-control');
  });

  it("uses the complaint id when a staff event's reference is not known yet", () => {
    expect(withReference({ team: 't' }, 'c-1', null)).toEqual({ team: 't', reference: 'c-1' });
    expect(withReference({ team: 't' }, 'c-1', 'CMP-1')).toEqual({ team: 't', reference: 'CMP-1' });
    expect(withReference({ reference: 'CMP-2' }, 'c-1', 'CMP-1')).toEqual({ reference: 'CMP-2' });
    expect(withReference({ key: 'k' }, null, null)).toEqual({ key: 'k' });
  });
});

import {
  malformedPlaceholdersOf,
  MissingTemplateVariableError,
  placeholdersOf,
  render,
  templateId,
} from './template';

describe('template rendering', () => {
  it('substitutes every placeholder, in Chinese and English', () => {
    // Given templates in both languages, When rendered, Then every placeholder has its value
    expect(render('您的投诉已受理，编号 {{reference}}。', { reference: 'CMP-20261120-000123' })).toBe(
      '您的投诉已受理，编号 CMP-20261120-000123。',
    );
    expect(render('Ref {{ reference }} / {{name}}', { reference: 'R1', name: 'A***' })).toBe('Ref R1 / A***');
  });

  it('inserts values literally: a value that looks like a placeholder or code is not evaluated', () => {
    expect(render('Hi {{name}}', { name: '{{reference}} ${process.exit()}' })).toBe(
      'Hi {{reference}} ${process.exit()}',
    );
  });

  it('fails on a placeholder with no value instead of sending a message with a hole', () => {
    expect(() => render('Ref {{reference}}', {})).toThrow(MissingTemplateVariableError);
  });

  it('lists the placeholders a template uses, and the braces that are not placeholders', () => {
    expect(placeholdersOf('{{a}} {{ b }} {{a}}')).toEqual(['a', 'b']);
    expect(malformedPlaceholdersOf('{{a}} {{ 1+1 }} {{b')).toEqual(['{{ 1+1 }}', '{{b']);
    expect(malformedPlaceholdersOf('plain {{a}} text')).toEqual([]);
  });

  it('names a template by event, audience, channel and language', () => {
    expect(
      templateId({
        eventType: 'complaint.received',
        audience: 'customer',
        channel: 'sms',
        language: 'zh-CN',
      }),
    ).toBe('complaint.received.customer.sms.zh-CN');
  });
});

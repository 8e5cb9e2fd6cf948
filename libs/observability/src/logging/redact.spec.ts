import { maskEmail, maskName, maskPhone, redactText, redactValue } from './redact';

describe('PII redaction', () => {
  it('masks mobile numbers, ID numbers, card numbers and e-mails inside free text', () => {
    const text =
      '客户张三，手机13800138000，身份证110101199003071234，卡号 6222 0212 3456 7890，邮箱 zhang.san@example.com';
    const redacted = redactText(text);
    for (const secret of [
      '13800138000',
      '110101199003071234',
      '6222 0212 3456 7890',
      'zhang.san@example.com',
    ]) {
      expect(redacted).not.toContain(secret);
    }
    expect(redacted).toContain('138****8000');
    expect(redacted).toContain('****7890');
    expect(redacted).toContain('z***@example.com');
  });

  it('leaves identifiers, timestamps and ordinary amounts alone', () => {
    const text =
      'complaint 123e4567-e89b-12d3-a456-426614174000 at 2026-11-20T09:15:00.000Z for 12000.00 CNY';
    expect(redactText(text)).toBe(text);
  });

  it('redacts nested log fields but not the safe correlation fields', () => {
    const line = redactValue({
      correlationid: '13800138000',
      detail: { phone: '13800138000', list: ['mail me at a.b@example.com'] },
    }) as { correlationid: string; detail: { phone: string; list: string[] } };
    expect(line.correlationid).toBe('13800138000');
    expect(line.detail.phone).toBe('138****8000');
    expect(line.detail.list[0]).toBe('mail me at a***@example.com');
  });

  it('masks names, phones and e-mails for events', () => {
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    expect(maskName('Alice Smith')).toBe('A***');
    expect(maskPhone('+86 138-0013-8000')).toBe('138****8000');
    expect(maskPhone('020-8888-1234')).toBe('020****1234');
    expect(maskEmail('alice@example.com')).toBe('a***@example.com');
  });
});

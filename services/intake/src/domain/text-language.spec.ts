import { detectTextLanguage } from './text-language';
import { formatReference } from './complaint-reference';

describe('text language', () => {
  it('tells Chinese from English, and keeps a Chinese text with English product names Chinese', () => {
    expect(detectTextLanguage('我的信用卡被盗刷了')).toBe('zh');
    expect(detectTextLanguage('My card was charged twice')).toBe('en');
    expect(detectTextLanguage('我的 Visa Platinum 信用卡在 Apple Store 被盗刷')).toBe('zh');
    expect(detectTextLanguage('Charged twice at 星巴克 for a latte I never bought')).toBe('en');
  });
});

describe('complaint reference', () => {
  it("uses the date of receipt in the institution's time zone", () => {
    // 2026-11-20 20:30 UTC is already 21 November in Shanghai
    expect(formatReference(new Date('2026-11-20T20:30:00Z'), 123, 'Asia/Shanghai')).toBe(
      'CMP-20261121-000123',
    );
    expect(formatReference(new Date('2026-11-20T20:30:00Z'), 1234567, 'UTC')).toBe('CMP-20261120-1234567');
  });
});

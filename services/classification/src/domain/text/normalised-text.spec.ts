import { normaliseText, originalSlice } from './normalised-text';

describe('text normalisation for matching', () => {
  it('maps traditional Chinese to simplified, so either script matches a dictionary in the other', () => {
    // Given the same complaint in both scripts
    const traditional = normaliseText('帳戶被凍結，信用卡被盜刷');
    const simplified = normaliseText('账户被冻结，信用卡被盗刷');

    // Then both normalise to the same text
    expect(traditional.text).toBe(simplified.text);
  });

  it('lower-cases, turns full-width letters and digits into ASCII, and collapses whitespace', () => {
    expect(normaliseText('ＡＰＰ  Crash\n\t１２３').text).toBe('app crash 123');
  });

  it('drops zero-width characters, so they cannot hide a word from the dictionary', () => {
    expect(normaliseText('盗\u200b刷 fr\u200daud').text).toBe('盗刷 fraud');
  });

  it('maps a span of the normalised text back to what the customer wrote', () => {
    // Given traditional text with double spaces
    const text = normaliseText('我的卡  被盜刷了');
    const start = text.text.indexOf('盗刷');

    // Then the original characters are quoted, not the normalised ones
    expect(originalSlice(text, start, start + 2)).toBe('盜刷');
    expect(originalSlice(text, 0, text.text.length)).toBe('我的卡  被盜刷了');
  });

  it('reads at most the given number of characters', () => {
    expect(normaliseText('abcdef', 3).text).toBe('abc');
  });

  it('handles empty text', () => {
    expect(normaliseText('').text).toBe('');
  });
});

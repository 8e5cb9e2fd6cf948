import { normaliseText } from './normalised-text';
import { compilePhrase, findPhrase } from './phrase';

const find = (text: string, phrase: string) => findPhrase(normaliseText(text).text, compilePhrase(phrase));

describe('dictionary phrases', () => {
  it('matches English words whole, so "sue" does not fire on "issue"', () => {
    expect(find('There is an issue with my card', 'sue')).toBe(-1);
    expect(find('I will sue the bank', 'sue')).toBeGreaterThan(0);
  });

  it('matches a trailing * as a word prefix', () => {
    expect(find('They refunded me twice', 'refund*')).toBeGreaterThan(0);
    expect(find('No refunds here', 'refund*')).toBeGreaterThan(0);
    expect(find('prerefund', 'refund*')).toBe(-1);
  });

  it('matches Chinese phrases anywhere, including next to Latin words', () => {
    expect(find('我的debit card被盗刷了', '盗刷')).toBeGreaterThan(0);
    expect(find('手机app闪退', 'app')).toBeGreaterThan(0);
  });

  it('matches case-insensitively and across scripts', () => {
    expect(find('UNAUTHORISED payment', 'unauthorised')).toBe(0);
    expect(find('帳戶被凍結', '账户被冻结')).toBe(0);
  });

  it('finds the first occurrence that sits on word boundaries', () => {
    expect(find('feel the fee', 'fee')).toBe(9);
  });
});

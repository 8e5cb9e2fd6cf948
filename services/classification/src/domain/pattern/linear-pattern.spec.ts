import { normaliseText } from '../text/normalised-text';
import { compileLinearPattern, toCodePoints } from './linear-pattern';
import { PatternSyntaxError } from './pattern-syntax';

/** The matched text, as the engine would quote it from the normalised text. */
function match(pattern: string, text: string): string | null {
  const normalised = normaliseText(text).text;
  const points = toCodePoints(normalised);
  const span = compileLinearPattern(pattern).find(points);
  return span ? normalised.slice(points.offsets[span[0]], points.offsets[span[1]]) : null;
}

function refusal(pattern: string): string {
  try {
    compileLinearPattern(pattern);
  } catch (error) {
    if (error instanceof PatternSyntaxError) return error.message;
    throw error;
  }
  throw new Error(`the pattern ${pattern} was accepted`);
}

describe('linear-time patterns', () => {
  it('matches like JavaScript regular expressions on the supported syntax', () => {
    // Given patterns and texts covering literals, classes, groups, alternation, quantifiers and anchors
    const cases: [string, string][] = [
      ['colou?r', 'what colour is it'],
      ['\\d+(\\.\\d+)?', 'lost 12.50 today'],
      ['(?:fraud|scam)s?', 'so many scams here'],
      ['a.*b', 'xxaxxbxxb'],
      ['a.*?b', 'xxaxxbxxb'],
      ['x{2,3}', 'xxxxx'],
      ['x{2,}', 'axxxxb'],
      ['[^a-z ]+', 'abc 123 def'],
      ['^abc', 'abc abc'],
      ['abc$', 'abc abc'],
      ['\\bfee\\b', 'coffee fee'],
      ['\\Bfee', 'coffee fee'],
      ['(a|ab)(c|bcd)', 'abcd'],
      ['\\w+@\\w+\\.com', 'mail me at a_b@example.com now'],
      ['[\\d.]+', 'v1.2.3'],
      ['\\u4e00|\\x41', 'xyzA'],
    ];
    // Then every match is the one JavaScript finds (on the lower-cased text)
    for (const [pattern, text] of cases) {
      const expected = new RegExp(pattern, 'i').exec(text.toLowerCase())?.[0] ?? null;
      expect({ pattern, match: match(pattern, text) }).toEqual({ pattern, match: expected });
    }
  });

  it('matches case-insensitively and traditional Chinese patterns against simplified text', () => {
    expect(match('UNAUTHORI[SZ]ED', 'an unauthorized charge')).toBe('unauthorized');
    expect(match('盜刷|凍結', '账户被冻结了')).toBe('冻结');
    expect(match('[A-Z]{3}', 'abc')).toBe('abc');
  });

  it('does not hang on patterns that make a backtracking engine explode', () => {
    // Given the classic catastrophic patterns and inputs built to defeat them
    const bombs: [string, string][] = [
      ['(a+)+$', `${'a'.repeat(50_000)}!`],
      ['(a|aa)*c', 'a'.repeat(50_000)],
      ['^(\\w+\\s?)*$', `${'word '.repeat(10_000)}!`],
      ['.*.*.*.*.*=', 'x'.repeat(20_000)],
      ['(x+x+)+y', 'x'.repeat(50_000)],
    ];
    // When they run (this test's timeout is the bound: each run is linear in the text)
    for (const [pattern, text] of bombs) {
      // Then they simply do not match
      expect(match(pattern, text)).toBeNull();
    }
  });

  it('refuses what cannot run in linear time, with the reason', () => {
    expect(refusal('(?=a)b')).toContain('lookaround is not supported');
    expect(refusal('(?<!a)b')).toContain('lookaround is not supported');
    expect(refusal('(a)\\1')).toContain('backreferences are not supported');
    expect(refusal('(?<name>a)')).toContain('only plain');
  });

  it('refuses malformed patterns, saying where', () => {
    expect(refusal('(abc')).toContain("'(' is never closed");
    expect(refusal('abc)')).toContain("unmatched ')'");
    expect(refusal('[abc')).toContain("'[' is never closed");
    expect(refusal('[z-a]')).toContain('out of order');
    expect(refusal('*a')).toContain('nothing to repeat');
    expect(refusal('a**')).toContain('two quantifiers');
    expect(refusal('a{3,1}')).toContain('reversed');
    expect(refusal('a{2')).toContain("'{' must start a repetition");
    expect(refusal('\\q')).toContain('unknown escape');
    expect(refusal('\\p{L}')).toContain('property escapes');
    expect(refusal('abc\\')).toContain('lone backslash');
  });

  it('refuses patterns too large to run cheaply on every complaint', () => {
    expect(refusal('a{101}')).toContain('limited to 100');
    expect(refusal('(a{100}){100}')).toContain('too large');
    expect(refusal('a'.repeat(301))).toContain('at most 300 characters');
  });

  it('finds nothing in empty text unless the pattern can match nothing', () => {
    expect(compileLinearPattern('abc').find(toCodePoints(''))).toBeNull();
    expect(compileLinearPattern('a*').find(toCodePoints(''))).toEqual([0, 0]);
  });
});

/**
 * The regular-expression syntax rules may use: the part of JavaScript's syntax that a finite automaton can match in
 * time linear in the text (literals, `.`, classes, `\d \w \s \b`, groups, alternation, `* + ? {n,m}`, `^ $`).
 * Backreferences and lookaround need backtracking, so they are refused with a reason instead of being accepted
 * and becoming a way to hang the service.
 */
export type CharRanges = readonly (readonly [number, number])[];

export type PatternNode =
  | { kind: 'empty' }
  | { kind: 'char'; ranges: CharRanges; negated: boolean }
  | { kind: 'any' }
  | { kind: 'seq'; items: PatternNode[] }
  | { kind: 'alt'; options: PatternNode[] }
  | { kind: 'repeat'; node: PatternNode; min: number; max: number; greedy: boolean }
  | { kind: 'assert'; what: 'start' | 'end' | 'word-boundary' | 'not-word-boundary' };

export class PatternSyntaxError extends Error {
  constructor(
    message: string,
    readonly position: number,
  ) {
    super(`${message} (at position ${position})`);
    this.name = 'PatternSyntaxError';
  }
}

/** The largest count in `{n,m}`: counted repetition copies the repeated part, so it is bounded. */
export const MAX_REPEAT_COUNT = 100;

const DIGIT: CharRanges = [[0x30, 0x39]];
const WORD: CharRanges = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
const SPACE: CharRanges = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
const MAX_CODE_POINT = 0x10ffff;

function complement(ranges: CharRanges): CharRanges {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of sorted) {
    if (lo > next) out.push([next, lo - 1]);
    next = Math.max(next, hi + 1);
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

const CLASS_ESCAPES: Record<string, CharRanges> = {
  d: DIGIT,
  D: complement(DIGIT),
  w: WORD,
  W: complement(WORD),
  s: SPACE,
  S: complement(SPACE),
};

const SIMPLE_ESCAPES: Record<string, number> = { t: 0x09, n: 0x0a, r: 0x0d, f: 0x0c, v: 0x0b, '0': 0x00 };
const SYNTAX_CHARACTERS = '^$\\.*+?()[]{}|/-';

export function parsePattern(source: string): PatternNode {
  return new Parser(source).parse();
}

class Parser {
  private pos = 0;
  private readonly chars: string[];

  constructor(source: string) {
    this.chars = Array.from(source);
  }

  parse(): PatternNode {
    const node = this.alternation();
    if (this.pos < this.chars.length) {
      throw new PatternSyntaxError(`unmatched '${this.chars[this.pos]}'`, this.pos);
    }
    return node;
  }

  private peek(offset = 0): string | undefined {
    return this.chars[this.pos + offset];
  }

  private alternation(): PatternNode {
    const options = [this.sequence()];
    while (this.peek() === '|') {
      this.pos++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0] : { kind: 'alt', options };
  }

  private sequence(): PatternNode {
    const items: PatternNode[] = [];
    while (this.pos < this.chars.length && this.peek() !== '|' && this.peek() !== ')') {
      items.push(this.quantified());
    }
    if (items.length === 0) return { kind: 'empty' };
    return items.length === 1 ? items[0] : { kind: 'seq', items };
  }

  private quantified(): PatternNode {
    const start = this.pos;
    const atom = this.atom();
    const bounds = this.quantifier();
    if (!bounds) return atom;
    if (atom.kind === 'assert') {
      throw new PatternSyntaxError('an anchor or \\b cannot be repeated', start);
    }
    const greedy = this.peek() !== '?';
    if (!greedy) this.pos++;
    if (this.isQuantifierStart()) {
      throw new PatternSyntaxError('nothing to repeat: two quantifiers in a row', this.pos);
    }
    return { kind: 'repeat', node: atom, min: bounds.min, max: bounds.max, greedy };
  }

  private isQuantifierStart(): boolean {
    const c = this.peek();
    return c === '*' || c === '+' || c === '?' || (c === '{' && this.countedBounds(true) !== null);
  }

  private quantifier(): { min: number; max: number } | null {
    const c = this.peek();
    if (c === '*' || c === '+' || c === '?') {
      this.pos++;
      return { min: c === '+' ? 1 : 0, max: c === '?' ? 1 : Infinity };
    }
    if (c === '{') return this.countedBounds(false);
    return null;
  }

  /** `{n}`, `{n,}` or `{n,m}`; a `{` that starts none of them is an error (write `\{` for the character). */
  private countedBounds(probe: boolean): { min: number; max: number } | null {
    const match = /^\{(\d{1,6})(,(\d{0,6}))?\}/.exec(this.chars.slice(this.pos, this.pos + 16).join(''));
    if (!match) {
      if (probe) return null;
      throw new PatternSyntaxError(
        "'{' must start a repetition such as {2,5}; write \\{ for the character",
        this.pos,
      );
    }
    if (probe) return { min: 0, max: 0 };
    const min = Number(match[1]);
    const max = match[2] === undefined ? min : match[3] === '' ? Infinity : Number(match[3]);
    if (max < min)
      throw new PatternSyntaxError(`repetition {${min},${max}} has its bounds reversed`, this.pos);
    if (min > MAX_REPEAT_COUNT || (max !== Infinity && max > MAX_REPEAT_COUNT)) {
      throw new PatternSyntaxError(`repetition counts are limited to ${MAX_REPEAT_COUNT}`, this.pos);
    }
    this.pos += match[0].length;
    return { min, max };
  }

  private atom(): PatternNode {
    const start = this.pos;
    const c = this.chars[this.pos++];
    switch (c) {
      case '(':
        return this.group(start);
      case '[':
        return this.charClass(start);
      case '.':
        return { kind: 'any' };
      case '^':
        return { kind: 'assert', what: 'start' };
      case '$':
        return { kind: 'assert', what: 'end' };
      case '\\':
        return this.escape(start);
      case '*':
      case '+':
      case '?':
        throw new PatternSyntaxError(`nothing to repeat before '${c}'`, start);
      case '{':
        if (this.countedBoundsAt(start)) throw new PatternSyntaxError("nothing to repeat before '{'", start);
        throw new PatternSyntaxError(
          "'{' must start a repetition such as {2,5}; write \\{ for the character",
          start,
        );
      case ']':
      case '}':
        throw new PatternSyntaxError(`unmatched '${c}': write \\${c} for the character`, start);
      default: {
        const code = c.codePointAt(0) as number;
        return { kind: 'char', ranges: [[code, code]], negated: false };
      }
    }
  }

  private countedBoundsAt(at: number): boolean {
    return /^\{\d{1,6}(,\d{0,6})?\}/.test(this.chars.slice(at, at + 16).join(''));
  }

  private group(start: number): PatternNode {
    if (this.peek() === '?') {
      const next = this.peek(1);
      if (next === ':') {
        this.pos += 2;
      } else if (
        next === '=' ||
        next === '!' ||
        (next === '<' && (this.peek(2) === '=' || this.peek(2) === '!'))
      ) {
        throw new PatternSyntaxError(
          'lookaround is not supported: it cannot be matched in linear time',
          start,
        );
      } else {
        throw new PatternSyntaxError('only plain (...) and (?:...) groups are supported', start);
      }
    }
    const inner = this.alternation();
    if (this.peek() !== ')') throw new PatternSyntaxError("'(' is never closed", start);
    this.pos++;
    return inner;
  }

  private escape(start: number): PatternNode {
    const c = this.chars[this.pos];
    if (c === undefined) throw new PatternSyntaxError('the pattern ends with a lone backslash', start);
    if (c === 'b' || c === 'B') {
      this.pos++;
      return { kind: 'assert', what: c === 'b' ? 'word-boundary' : 'not-word-boundary' };
    }
    const ranges = this.classEscape();
    if (ranges) return { kind: 'char', ranges, negated: false };
    const code = this.characterEscape(start);
    return { kind: 'char', ranges: [[code, code]], negated: false };
  }

  /** `\d \D \w \W \s \S`, or null (the position is unchanged then). */
  private classEscape(): CharRanges | null {
    const ranges = CLASS_ESCAPES[this.chars[this.pos]];
    if (ranges) this.pos++;
    return ranges ?? null;
  }

  /** The code point of an escape naming one character; the position is just after the backslash. */
  private characterEscape(start: number): number {
    const c = this.chars[this.pos++];
    if (/[1-9]/.test(c) || c === 'k') {
      throw new PatternSyntaxError(
        'backreferences are not supported: they cannot be matched in linear time',
        start,
      );
    }
    if (c in SIMPLE_ESCAPES) {
      if (c === '0' && /\d/.test(this.peek() ?? '')) {
        throw new PatternSyntaxError('octal escapes are not supported', start);
      }
      return SIMPLE_ESCAPES[c];
    }
    if (c === 'x') return this.hex(2, start);
    if (c === 'u') {
      if (this.peek() === '{') {
        const close = this.chars.indexOf('}', this.pos);
        const digits = close < 0 ? '' : this.chars.slice(this.pos + 1, close).join('');
        if (!/^[0-9a-fA-F]{1,6}$/.test(digits) || parseInt(digits, 16) > MAX_CODE_POINT) {
          throw new PatternSyntaxError('\\u{...} needs 1 to 6 hex digits of a valid code point', start);
        }
        this.pos = close + 1;
        return parseInt(digits, 16);
      }
      return this.hex(4, start);
    }
    if (SYNTAX_CHARACTERS.includes(c)) return c.codePointAt(0) as number;
    if (c === 'p' || c === 'P') {
      throw new PatternSyntaxError(
        'unicode property escapes are not supported; use a range such as [\\u4e00-\\u9fff]',
        start,
      );
    }
    throw new PatternSyntaxError(`unknown escape \\${c}`, start);
  }

  private hex(length: number, start: number): number {
    const digits = this.chars.slice(this.pos, this.pos + length).join('');
    if (!new RegExp(`^[0-9a-fA-F]{${length}}$`).test(digits)) {
      throw new PatternSyntaxError(`expected ${length} hex digits`, start);
    }
    this.pos += length;
    return parseInt(digits, 16);
  }

  private charClass(start: number): PatternNode {
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const ranges: [number, number][] = [];
    while (this.peek() !== ']') {
      if (this.pos >= this.chars.length) throw new PatternSyntaxError("'[' is never closed", start);
      const low = this.classAtom(start);
      if (Array.isArray(low)) {
        ranges.push(...(low as [number, number][]));
        continue;
      }
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== undefined) {
        this.pos++;
        const high = this.classAtom(start);
        if (Array.isArray(high))
          throw new PatternSyntaxError('a range cannot end with a class like \\d', this.pos);
        if ((high as number) < (low as number)) {
          throw new PatternSyntaxError('a character range is out of order', this.pos);
        }
        ranges.push([low as number, high as number]);
        continue;
      }
      ranges.push([low as number, low as number]);
    }
    this.pos++;
    return { kind: 'char', ranges, negated };
  }

  /** One member of a class: a code point, or the ranges of a class escape. */
  private classAtom(start: number): number | CharRanges {
    const c = this.chars[this.pos++];
    if (c === undefined) throw new PatternSyntaxError("'[' is never closed", start);
    if (c !== '\\') return c.codePointAt(0) as number;
    if (this.peek() === 'b') {
      this.pos++;
      return 0x08;
    }
    const ranges = this.classEscape();
    if (ranges) return ranges;
    return this.characterEscape(this.pos - 1);
  }
}

import { TRADITIONAL_TO_SIMPLIFIED } from './traditional-to-simplified';

/**
 * Text prepared for matching, with a way back to the original: rules match the normalised form, and the
 * explanation quotes what the customer actually wrote.
 */
export interface NormalisedText {
  readonly original: string;
  /** Lower case, NFKC (full-width letters and digits become ASCII), simplified Chinese, whitespace runs as one space. */
  readonly text: string;
  /** For each UTF-16 unit of `text`: where its source character starts and ends in `original`. */
  readonly from: Int32Array;
  readonly to: Int32Array;
}

const WHITESPACE = /\s/u;
/** Zero-width and other format characters: invisible, and a cheap way to split a word past a dictionary. */
const FORMAT = /\p{Cf}/u;

/** Normalises one character (code point) for matching; '' for characters that are dropped. */
export function normaliseChar(ch: string): string {
  if (ch.length === 1 && ch.charCodeAt(0) < 0x80) return ch.toLowerCase();
  if (FORMAT.test(ch)) return '';
  let out = '';
  for (const c of ch.normalize('NFKC').toLowerCase()) out += TRADITIONAL_TO_SIMPLIFIED.get(c) ?? c;
  return out;
}

/** Normalises at most `maxChars` characters of `original` (later text is not scanned). */
export function normaliseText(original: string, maxChars = Number.MAX_SAFE_INTEGER): NormalisedText {
  const pieces: string[] = [];
  const from: number[] = [];
  const to: number[] = [];
  let index = 0;
  let count = 0;
  let lastWasSpace = false;
  for (const ch of original) {
    if (count++ >= maxChars) break;
    const start = index;
    index += ch.length;
    if (WHITESPACE.test(ch)) {
      if (lastWasSpace) {
        to[to.length - 1] = index;
        continue;
      }
      lastWasSpace = true;
      pieces.push(' ');
      from.push(start);
      to.push(index);
      continue;
    }
    const normalised = normaliseChar(ch);
    if (normalised === '') continue;
    lastWasSpace = false;
    pieces.push(normalised);
    for (let i = 0; i < normalised.length; i++) {
      from.push(start);
      to.push(index);
    }
  }
  return { original, text: pieces.join(''), from: Int32Array.from(from), to: Int32Array.from(to) };
}

/** The original text behind normalised units [start, end). */
export function originalSlice(text: NormalisedText, start: number, end: number): string {
  if (end <= start) return '';
  return text.original.slice(text.from[start], text.to[end - 1]);
}

/** A dictionary phrase or product name in the same form as normalised text, trimmed. */
export function normalisePhrase(phrase: string): string {
  return normaliseText(phrase).text.trim();
}

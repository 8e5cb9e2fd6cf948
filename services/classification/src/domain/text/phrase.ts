import { normalisePhrase } from './normalised-text';

/**
 * A dictionary entry ready to match normalised text. Latin words match whole words only ("sue" does not fire on
 * "issue"); a trailing `*` makes the last word a prefix ("refund*" matches refunded, refunds). Chinese has no
 * spaces between words, so Chinese phrases match anywhere.
 */
export interface Phrase {
  readonly source: string;
  readonly text: string;
  readonly wordStart: boolean;
  readonly wordEnd: boolean;
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}_]/u;
const UNSPACED_SCRIPT = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;

/** True for characters of scripts that separate words with spaces (Latin, Cyrillic, digits...). */
export function isWordChar(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const code = ch.charCodeAt(0);
  if (code < 0x80) return (code >= 0x30 && code <= 0x39) || (code >= 0x61 && code <= 0x7a) || code === 0x5f;
  return LETTER_OR_DIGIT.test(ch) && !UNSPACED_SCRIPT.test(ch);
}

export function compilePhrase(source: string): Phrase {
  const prefix = source.trimEnd().endsWith('*');
  const text = normalisePhrase(prefix ? source.trimEnd().slice(0, -1) : source);
  return {
    source,
    text,
    wordStart: isWordChar(text[0]),
    wordEnd: !prefix && isWordChar(text[text.length - 1]),
  };
}

/** Where the phrase first occurs in normalised text at word boundaries, or -1. */
export function findPhrase(text: string, phrase: Phrase): number {
  if (phrase.text === '') return -1;
  for (let at = text.indexOf(phrase.text); at >= 0; at = text.indexOf(phrase.text, at + 1)) {
    const end = at + phrase.text.length;
    if (phrase.wordStart && isWordChar(text[at - 1])) continue;
    if (phrase.wordEnd && isWordChar(text[end])) continue;
    return at;
  }
  return -1;
}

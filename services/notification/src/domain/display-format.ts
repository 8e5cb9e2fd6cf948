import { Language } from './template';
import { VariableKind } from './template-variables';

/**
 * Turns the raw values events carry (UTC timestamps, numbers) into what a reader expects in their language and the
 * bank's time zone: 2026年12月6日 / 6 December 2026. Text values pass through unchanged.
 */
export function formatValue(raw: string, kind: VariableKind, language: Language, timeZone: string): string {
  if (raw === '' || kind === 'text' || kind === 'number') return raw;
  const date = new Date(raw);
  if (Number.isNaN(date.getTime())) return raw;
  return formatterFor(language, kind === 'datetime', timeZone).format(date);
}

/** Building an Intl.DateTimeFormat costs about a millisecond and using one microseconds: one per combination. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(language: Language, withTime: boolean, timeZone: string): Intl.DateTimeFormat {
  const key = `${language}|${withTime}|${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language === 'zh-CN' ? 'zh-CN' : 'en-GB', {
      timeZone,
      dateStyle: 'long',
      ...(withTime ? { timeStyle: 'short', hourCycle: 'h23' } : {}),
    });
    formatters.set(key, format);
  }
  return format;
}

/** Calendar days after a moment, as a UTC timestamp (deadlines in days from receipt). */
export function addDays(iso: string, days: number): string {
  return new Date(new Date(iso).getTime() + days * 24 * 60 * 60 * 1000).toISOString();
}

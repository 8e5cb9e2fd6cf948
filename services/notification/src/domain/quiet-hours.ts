/**
 * Quiet hours: non-urgent SMS to customers wait until the morning; urgent ones never wait. The window is local time
 * in a configured time zone and may cross midnight (21:00-08:00).
 *
 * Urgency comes from complaint.classified, which can arrive after the message was recorded. An SMS whose urgency is
 * still unknown is held like a non-urgent one, and released the moment a classification says urgent, so an urgent
 * complaint's acknowledgement is delayed by at most the classification time and a general one does not wake the
 * customer at night.
 */
export interface QuietHours {
  /** Minutes after local midnight. */
  startMinute: number;
  endMinute: number;
  timeZone: string;
}

export type Urgency = 'urgent' | 'general';

const WINDOW = /^([01]\d|2[0-3]):([0-5]\d)-([01]\d|2[0-3]):([0-5]\d)$/;

/** Parses `HH:MM-HH:MM`; an empty string means no quiet hours. */
export function parseQuietHours(window: string, timeZone: string): QuietHours | null {
  if (window.trim() === '') return null;
  const m = WINDOW.exec(window.trim());
  if (!m) throw new Error(`quiet hours must look like 21:00-08:00, not ${window}`);
  const startMinute = Number(m[1]) * 60 + Number(m[2]);
  const endMinute = Number(m[3]) * 60 + Number(m[4]);
  if (startMinute === endMinute) throw new Error('quiet hours must not start and end at the same time');
  // Throws a RangeError for an unknown zone, at start-up rather than at the first SMS.
  new Intl.DateTimeFormat('en-GB', { timeZone });
  return { startMinute, endMinute, timeZone };
}

/** One formatter per zone: building one costs about a millisecond, using it microseconds. */
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function localMinuteOfDay(now: Date, timeZone: string): number {
  let format = clockFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      hour: '2-digit',
      minute: '2-digit',
    });
    clockFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(now);
  const value = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? '0');
  return value('hour') * 60 + value('minute');
}

/** The end of the quiet window `now` falls in, or null when `now` is outside quiet hours. */
export function quietUntil(now: Date, quiet: QuietHours | null): Date | null {
  if (!quiet) return null;
  const local = localMinuteOfDay(now, quiet.timeZone);
  const inside =
    quiet.startMinute < quiet.endMinute
      ? local >= quiet.startMinute && local < quiet.endMinute
      : local >= quiet.startMinute || local < quiet.endMinute;
  if (!inside) return null;
  const minutesLeft = (quiet.endMinute - local + 24 * 60) % (24 * 60);
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + minutesLeft * 60_000);
}

/** When a customer SMS may go out: now, or the end of quiet hours unless the complaint is known to be urgent. */
export function smsHoldUntil(now: Date, quiet: QuietHours | null, urgency: Urgency | null): Date | null {
  if (urgency === 'urgent') return null;
  return quietUntil(now, quiet);
}

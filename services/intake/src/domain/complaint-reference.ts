/**
 * Human-readable reference, CMP-YYYYMMDD-NNNNNN: the date of receipt in the institution's time zone and a
 * sequence number. The sequence may skip numbers (a rolled-back insert), which the standards allow: a reference
 * must be unique and quotable, not gapless.
 */
export function formatReference(receivedAt: Date, sequence: number, timeZone: string): string {
  const parts = dateFormatIn(timeZone)
    .formatToParts(receivedAt)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  return `CMP-${parts['year']}${parts['month']}${parts['day']}-${String(sequence).padStart(6, '0')}`;
}

/** One formatter per time zone: building an Intl.DateTimeFormat costs about a millisecond, using one microseconds. */
const formatters = new Map<string, Intl.DateTimeFormat>();

function dateFormatIn(timeZone: string): Intl.DateTimeFormat {
  let format = formatters.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    formatters.set(timeZone, format);
  }
  return format;
}

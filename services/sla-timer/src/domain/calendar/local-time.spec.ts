import {
  addDays,
  isKnownTimeZone,
  localDateOf,
  offsetAt,
  parseIsoDate,
  parseMinuteOfDay,
  weekdayOf,
  zonedInstant,
} from './local-time';

const at = (iso: string) => new Date(iso).getTime();
const iso = (ms: number) => new Date(ms).toISOString();

describe('wall-clock time in a time zone', () => {
  it('reads Shanghai as eight hours ahead of UTC all year, since China has no daylight saving', () => {
    // Given instants in winter and summer, Then the offset is +08:00 both times
    expect(offsetAt(at('2026-01-15T00:00:00Z'), 'Asia/Shanghai')).toBe(8 * 3_600_000);
    expect(offsetAt(at('2026-07-15T00:00:00Z'), 'Asia/Shanghai')).toBe(8 * 3_600_000);
  });

  it('knows the local date just after midnight in Shanghai is a day ahead of UTC', () => {
    // Given 2026-11-20T16:30Z, which is 00:30 on the 21st in Shanghai
    expect(localDateOf(at('2026-11-20T16:30:00Z'), 'Asia/Shanghai')).toEqual({
      year: 2026,
      month: 11,
      day: 21,
    });
  });

  it('turns a Shanghai wall-clock time into the instant it happens', () => {
    // When 09:00 on 2026-11-23 in Shanghai is placed on the time line, Then it is 01:00 UTC
    expect(iso(zonedInstant({ year: 2026, month: 11, day: 23 }, 9 * 60, 'Asia/Shanghai'))).toBe(
      '2026-11-23T01:00:00.000Z',
    );
  });

  it('moves a wall-clock time skipped by the spring-forward change forward by the gap', () => {
    // Given New York skips 02:00-03:00 on 2026-03-08, When 02:30 is asked for, Then 03:30 EDT (07:30 UTC) is the answer
    expect(iso(zonedInstant({ year: 2026, month: 3, day: 8 }, 150, 'America/New_York'))).toBe(
      '2026-03-08T07:30:00.000Z',
    );
  });

  it('takes the first of the two occurrences of a wall-clock time repeated by the fall-back change', () => {
    // Given London repeats 01:00-02:00 on 2026-10-25, When 01:30 is asked for, Then the BST one (00:30 UTC) is the answer
    expect(iso(zonedInstant({ year: 2026, month: 10, day: 25 }, 90, 'Europe/London'))).toBe(
      '2026-10-25T00:30:00.000Z',
    );
  });

  it('reads 24:00 as the start of the next day', () => {
    expect(iso(zonedInstant({ year: 2026, month: 12, day: 31 }, 1440, 'Asia/Shanghai'))).toBe(
      '2026-12-31T16:00:00.000Z',
    );
  });

  it('adds days across month and year ends and names weekdays', () => {
    expect(addDays({ year: 2026, month: 12, day: 31 }, 1)).toEqual({ year: 2027, month: 1, day: 1 });
    expect(addDays({ year: 2028, month: 2, day: 28 }, 1)).toEqual({ year: 2028, month: 2, day: 29 });
    expect(weekdayOf({ year: 2026, month: 10, day: 1 })).toBe('thu');
  });

  it('accepts real dates, times of day and zones only', () => {
    expect(parseIsoDate('2026-02-29')).toBeUndefined();
    expect(parseIsoDate('2028-02-29')).toEqual({ year: 2028, month: 2, day: 29 });
    expect(parseIsoDate('2026-1-5')).toBeUndefined();
    expect(parseMinuteOfDay('24:00')).toBe(1440);
    expect(parseMinuteOfDay('24:30')).toBeUndefined();
    expect(parseMinuteOfDay('9:00')).toBeUndefined();
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});

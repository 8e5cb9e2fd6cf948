import { parseQuietHours, quietUntil, smsHoldUntil } from './quiet-hours';

const shanghai = parseQuietHours('21:00-08:00', 'Asia/Shanghai');

describe('quiet hours', () => {
  it('holds until 08:00 local time from late evening, across midnight', () => {
    // Given 23:30 in Shanghai (15:30 UTC), Then the window ends at 08:00 Shanghai (00:00 UTC next day)
    expect(quietUntil(new Date('2026-11-20T15:30:20.000Z'), shanghai)).toEqual(
      new Date('2026-11-21T00:00:00.000Z'),
    );
    // Given 07:59 in Shanghai, Then one minute is left
    expect(quietUntil(new Date('2026-11-20T23:59:00.000Z'), shanghai)).toEqual(
      new Date('2026-11-21T00:00:00.000Z'),
    );
  });

  it('does not hold in the daytime, at the end minute, or when there are no quiet hours', () => {
    expect(quietUntil(new Date('2026-11-20T02:00:00.000Z'), shanghai)).toBeNull(); // 10:00 local
    expect(quietUntil(new Date('2026-11-21T00:00:00.000Z'), shanghai)).toBeNull(); // 08:00 local
    expect(quietUntil(new Date('2026-11-20T15:30:00.000Z'), parseQuietHours('', 'Asia/Shanghai'))).toBeNull();
  });

  it('supports a window within one day', () => {
    const lunch = parseQuietHours('12:00-13:30', 'UTC');
    expect(quietUntil(new Date('2026-11-20T12:10:00.000Z'), lunch)).toEqual(
      new Date('2026-11-20T13:30:00.000Z'),
    );
    expect(quietUntil(new Date('2026-11-20T13:30:00.000Z'), lunch)).toBeNull();
  });

  it('never holds an urgent SMS, and holds one of unknown urgency like a general one', () => {
    const night = new Date('2026-11-20T15:30:00.000Z');
    expect(smsHoldUntil(night, shanghai, 'urgent')).toBeNull();
    expect(smsHoldUntil(night, shanghai, 'general')).toEqual(new Date('2026-11-21T00:00:00.000Z'));
    expect(smsHoldUntil(night, shanghai, null)).toEqual(new Date('2026-11-21T00:00:00.000Z'));
  });

  it('refuses a malformed window or an unknown time zone at start-up', () => {
    expect(() => parseQuietHours('9pm-8am', 'Asia/Shanghai')).toThrow('21:00-08:00');
    expect(() => parseQuietHours('08:00-08:00', 'Asia/Shanghai')).toThrow('same time');
    expect(() => parseQuietHours('21:00-08:00', 'Mars/Olympus')).toThrow(RangeError);
  });
});

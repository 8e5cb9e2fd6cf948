/**
 * The calendar a new installation starts with (version 1), frozen with the migration that seeds it. Working hours
 * are a bank's usual weekday office hours in mainland China; holidays and make-up working days (调休) are those of
 * the State Council's 2026 holiday notice as published in November 2025. Operations must check them against the
 * notice and add each new year's by PUT /v1/calendars when it is published.
 */
const office = [{ from: '09:00', to: '17:00' }];

function days(from: string, count: number): string[] {
  const start = new Date(`${from}T00:00:00Z`).getTime();
  return Array.from({ length: count }, (_, i) => new Date(start + i * 86_400_000).toISOString().slice(0, 10));
}

export const DEFAULT_CALENDARS_V1 = {
  calendars: [
    {
      id: 'cn-mainland',
      description: 'Mainland China bank office hours with the 2026 public holidays and make-up working days',
      timeZone: 'Asia/Shanghai',
      weeklyHours: { mon: office, tue: office, wed: office, thu: office, fri: office, sat: [], sun: [] },
      holidays: [
        ...days('2026-01-01', 3), // New Year
        ...days('2026-02-15', 9), // Spring Festival
        ...days('2026-04-04', 3), // Qingming
        ...days('2026-05-01', 5), // Labour Day
        ...days('2026-06-19', 3), // Dragon Boat
        ...days('2026-09-25', 3), // Mid-Autumn
        ...days('2026-10-01', 7), // National Day
      ],
      makeUpWorkingDays: [
        '2026-01-04',
        '2026-02-14',
        '2026-02-28',
        '2026-05-09',
        '2026-09-20',
        '2026-10-10',
      ].map((date) => ({ date, hours: office })),
    },
  ],
};

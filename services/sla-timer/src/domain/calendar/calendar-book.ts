import { CalendarSet } from './business-calendar';
import { WorkingCalendar } from './working-calendar';

/** The calendars of one version, by id, compiled once for deadline maths. */
export class CalendarBook {
  private readonly byId: Map<string, WorkingCalendar>;

  constructor(readonly set: CalendarSet) {
    this.byId = new Map(set.calendars.map((c) => [c.id, new WorkingCalendar(c)]));
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  get(id: string): WorkingCalendar {
    const calendar = this.byId.get(id);
    if (!calendar) throw new UnknownCalendarError(id);
    return calendar;
  }
}

export class UnknownCalendarError extends Error {
  constructor(readonly calendarId: string) {
    super(`no business calendar ${calendarId}`);
    this.name = 'UnknownCalendarError';
  }
}

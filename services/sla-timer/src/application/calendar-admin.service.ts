import { Inject, Injectable } from '@nestjs/common';
import { BusinessCalendar } from '../domain/calendar/business-calendar';
import { calendarProblems } from '../domain/calendar/calendar-rules';
import { CalendarDocument, RULES_STORE, RulesStore, Versioned } from './ports/rules-store';
import { TRANSACTION_RUNNER, TransactionRunner } from './ports/transaction-runner';
import { CalendarInUseError, RulesRejectedError, StaleVersionError } from './rules-errors';

/**
 * GET/PUT /v1/calendars. A PUT replaces the whole set as a new version, or is rejected whole. A calendar that a
 * policy or an open clock still names cannot be dropped. A changed calendar applies to a clock the next time its
 * deadline is computed (pause, resume, reclassification, extension).
 */
@Injectable()
export class CalendarAdminService {
  constructor(
    @Inject(RULES_STORE) private readonly rules: RulesStore,
    @Inject(TRANSACTION_RUNNER) private readonly tx: TransactionRunner,
  ) {}

  current(): Promise<Versioned<CalendarDocument>> {
    return this.rules.currentCalendars();
  }

  at(version: number): Promise<Versioned<CalendarDocument> | undefined> {
    return this.rules.calendarsAt(version);
  }

  replace(
    calendars: BusinessCalendar[],
    actor: string,
    expectedVersion?: number,
  ): Promise<Versioned<CalendarDocument>> {
    return this.tx.run(async (em) => {
      await this.rules.lockForChange(em);
      const current = await this.rules.currentCalendars(em);
      if (expectedVersion !== undefined && expectedVersion !== current.version) {
        throw new StaleVersionError(expectedVersion, current.version);
      }
      const problems = calendarProblems(calendars);
      if (problems.length > 0) throw new RulesRejectedError(problems);
      const kept = new Set(calendars.map((c) => c.id));
      const dropped = current.document.calendars.map((c) => c.id).filter((id) => !kept.has(id));
      const policies = await this.rules.currentPolicies(em);
      const named = policies.document.policies.filter((p) => dropped.includes(p.calendarId));
      if (named.length > 0) {
        throw new CalendarInUseError(
          `policies ${named.map((p) => p.id).join(', ')} use calendar ${named[0].calendarId}; change them first`,
        );
      }
      const openClocks = dropped.length > 0 ? await this.rules.openClocksOnCalendars(em, dropped) : 0;
      if (openClocks > 0) {
        throw new CalendarInUseError(
          `${openClocks} open clocks count time on calendars ${dropped.join(', ')}`,
        );
      }
      await this.rules.addCalendars(em, current.version + 1, { calendars }, actor);
      return this.rules.currentCalendars(em);
    });
  }
}

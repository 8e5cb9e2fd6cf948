import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { CalendarBook } from '../domain/calendar/calendar-book';
import { ClockRules } from '../domain/clocks/complaint-clocks';
import { RULES_STORE, RulesStore } from './ports/rules-store';

/**
 * The policies and calendars in force, read per use (two small indexed reads), so a PUT applies to the next event
 * on every replica. Calendars are compiled once per version and kept.
 */
@Injectable()
export class ClockRulesProvider {
  private compiled?: CalendarBook;

  constructor(@Inject(RULES_STORE) private readonly rules: RulesStore) {}

  async current(em?: EntityManager): Promise<ClockRules> {
    // One after the other: inside a transaction both go through the same connection anyway.
    const policies = await this.rules.currentPolicies(em);
    const calendars = await this.calendars(em);
    return {
      policies: { version: policies.version, policies: policies.document.policies },
      calendars,
      newId: () => randomUUID(),
    };
  }

  async calendars(em?: EntityManager): Promise<CalendarBook> {
    const current = await this.rules.currentCalendars(em);
    if (this.compiled?.set.version !== current.version) {
      this.compiled = new CalendarBook({ version: current.version, calendars: current.document.calendars });
    }
    return this.compiled;
  }
}

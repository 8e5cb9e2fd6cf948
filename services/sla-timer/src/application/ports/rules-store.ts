import { EntityManager } from 'typeorm';
import { BusinessCalendar } from '../../domain/calendar/business-calendar';
import { SlaPolicy } from '../../domain/policy/sla-policy';

/** One version of a versioned document (the policy set, the calendar set). */
export interface Versioned<T> {
  version: number;
  createdAt: Date;
  createdBy: string;
  document: T;
}

export interface PolicyDocument {
  policies: SlaPolicy[];
}

export interface CalendarDocument {
  calendars: BusinessCalendar[];
}

/** Policies and calendars as data: every PUT adds a version, the highest is in force. */
export interface RulesStore {
  /** Serialises changes to policies and calendars, which validate against each other. */
  lockForChange(em: EntityManager): Promise<void>;
  currentPolicies(em?: EntityManager): Promise<Versioned<PolicyDocument>>;
  policiesAt(version: number): Promise<Versioned<PolicyDocument> | undefined>;
  addPolicies(em: EntityManager, version: number, document: PolicyDocument, createdBy: string): Promise<void>;
  currentCalendars(em?: EntityManager): Promise<Versioned<CalendarDocument>>;
  calendarsAt(version: number): Promise<Versioned<CalendarDocument> | undefined>;
  addCalendars(
    em: EntityManager,
    version: number,
    document: CalendarDocument,
    createdBy: string,
  ): Promise<void>;
  /** Open clocks whose terms name one of these calendars. */
  openClocksOnCalendars(em: EntityManager, calendarIds: string[]): Promise<number>;
}

export const RULES_STORE = Symbol('RulesStore');

import { CreateSlaTables1763800200000 } from './1763800200000-create-sla-tables';
import { PoliciesCalendarsAndClockCycles1764200000000 } from './1764200000000-policies-calendars-and-clock-cycles';

export const SLA_TIMER_MIGRATIONS = [
  CreateSlaTables1763800200000,
  PoliciesCalendarsAndClockCycles1764200000000,
];

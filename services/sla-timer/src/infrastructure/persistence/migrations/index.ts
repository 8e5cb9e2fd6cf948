import { CreateSlaTables1763800200000 } from './1763800200000-create-sla-tables';

export const SLA_TIMER_MIGRATIONS = [CreateSlaTables1763800200000];

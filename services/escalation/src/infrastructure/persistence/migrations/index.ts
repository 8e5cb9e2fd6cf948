import { CreateEscalationTables1763800300000 } from './1763800300000-create-escalation-tables';

export const ESCALATION_MIGRATIONS = [CreateEscalationTables1763800300000];

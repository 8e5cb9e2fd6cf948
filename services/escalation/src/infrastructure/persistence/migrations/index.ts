import { CreateEscalationTables1763800300000 } from './1763800300000-create-escalation-tables';
import { MatrixCasesEscalationsAndRisk1764300000000 } from './1764300000000-matrix-cases-escalations-and-risk';

export const ESCALATION_MIGRATIONS = [
  CreateEscalationTables1763800300000,
  MatrixCasesEscalationsAndRisk1764300000000,
];

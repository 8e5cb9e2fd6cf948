import { CreateClassificationTables1763800100000 } from './1763800100000-create-classification-tables';
import { VersionedRuleSetsAndAudit1763870000000 } from './1763870000000-versioned-rule-sets-and-audit';

export const CLASSIFICATION_MIGRATIONS = [
  CreateClassificationTables1763800100000,
  VersionedRuleSetsAndAudit1763870000000,
];

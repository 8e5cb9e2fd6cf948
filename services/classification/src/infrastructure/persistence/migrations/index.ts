import { CreateClassificationTables1763800100000 } from './1763800100000-create-classification-tables';

export const CLASSIFICATION_MIGRATIONS = [CreateClassificationTables1763800100000];

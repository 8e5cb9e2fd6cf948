import { CreateIntakeTables1763800000000 } from './1763800000000-create-intake-tables';

/** Every migration of the intake schema, in order (explicit, so bundling never loses one). */
export const INTAKE_MIGRATIONS = [CreateIntakeTables1763800000000];

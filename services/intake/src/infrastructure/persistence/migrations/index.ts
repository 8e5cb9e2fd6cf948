import { CreateIntakeTables1763800000000 } from './1763800000000-create-intake-tables';
import { AddLifecycleAndProjections1763900000000 } from './1763900000000-add-lifecycle-and-projections';

/** Every migration of the intake schema, in order (explicit, so bundling never loses one). */
export const INTAKE_MIGRATIONS = [CreateIntakeTables1763800000000, AddLifecycleAndProjections1763900000000];

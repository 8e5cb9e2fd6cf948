import 'reflect-metadata';
import { migrateFromEnv } from '@complaints/persistence';
import { INTAKE_MIGRATIONS } from './infrastructure/persistence/migrations';
import { INTAKE_SCHEMA } from './intake.module';

migrateFromEnv('intake', INTAKE_SCHEMA, INTAKE_MIGRATIONS);

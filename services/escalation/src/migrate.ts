import 'reflect-metadata';
import { migrateFromEnv } from '@complaints/persistence';
import { ESCALATION_SCHEMA } from './escalation.module';
import { ESCALATION_MIGRATIONS } from './infrastructure/persistence/migrations';

migrateFromEnv('escalation', ESCALATION_SCHEMA, ESCALATION_MIGRATIONS);

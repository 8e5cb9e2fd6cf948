import 'reflect-metadata';
import { migrateFromEnv } from '@complaints/persistence';
import { CLASSIFICATION_SCHEMA } from './classification.module';
import { CLASSIFICATION_MIGRATIONS } from './infrastructure/persistence/migrations';

migrateFromEnv('classification', CLASSIFICATION_SCHEMA, CLASSIFICATION_MIGRATIONS);

import 'reflect-metadata';
import { migrateFromEnv } from '@complaints/persistence';
import { NOTIFICATION_MIGRATIONS } from './infrastructure/persistence/migrations';
import { NOTIFICATION_SCHEMA } from './notification.module';

migrateFromEnv('notification', NOTIFICATION_SCHEMA, NOTIFICATION_MIGRATIONS);

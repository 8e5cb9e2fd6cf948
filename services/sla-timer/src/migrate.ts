import 'reflect-metadata';
import { migrateFromEnv } from '@complaints/persistence';
import { SLA_TIMER_MIGRATIONS } from './infrastructure/persistence/migrations';
import { SLA_TIMER_SCHEMA } from './sla-timer.module';

migrateFromEnv('sla-timer', SLA_TIMER_SCHEMA, SLA_TIMER_MIGRATIONS);

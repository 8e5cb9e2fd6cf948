import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import { DynamicModule, Module, Provider } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { messagingConfigFor, messagingProviders } from '@complaints/kafka';
import { databaseProviders } from '@complaints/persistence';
import { HealthRegistry, JsonLogger, Metrics, ObservabilityModule } from '@complaints/observability';
import { CalendarsController } from './api/http/calendars.controller';
import { SlaClocksController } from './api/http/sla-clocks.controller';
import { SlaPoliciesController } from './api/http/sla-policies.controller';
import { SlaStreamController } from './api/http/sla-stream.controller';
import { MoveClocksOnLifecycleHandler } from './api/messaging/move-clocks-on-lifecycle.handler';
import { RecomputeClocksOnReclassifiedHandler } from './api/messaging/recompute-clocks-on-reclassified.handler';
import { StartClocksOnClassifiedHandler } from './api/messaging/start-clocks-on-classified.handler';
import { ApplyClassificationService } from './application/apply-classification.service';
import { ApplyLifecycleService } from './application/apply-lifecycle.service';
import { CalendarAdminService } from './application/calendar-admin.service';
import { ClockRulesProvider } from './application/clock-rules.provider';
import { ComplaintClocksRepository } from './application/complaint-clocks.repository';
import { FireDueTimersService } from './application/fire-due-timers.service';
import { PolicyAdminService } from './application/policy-admin.service';
import { ALERT_PUBLISHER } from './application/ports/alert-publisher';
import { CLOCK_STORE } from './application/ports/clock-store';
import { RULES_STORE } from './application/ports/rules-store';
import { SLA_QUERIES } from './application/ports/sla-queries';
import { TIMER_STORE, TimerStore } from './application/ports/timer-store';
import { TRANSACTION_RUNNER } from './application/ports/transaction-runner';
import { SlaViewService } from './application/sla-views.service';
import { SlaTimerEnv } from './config/sla-timer.env';
import { Clock, CLOCK, systemClock } from './domain/clock';
import { OutboxAlertPublisher } from './infrastructure/messaging/outbox-alert-publisher';
import { DataSourceTransactionRunner } from './infrastructure/persistence/datasource-transaction.runner';
import { SLA_TIMER_MIGRATIONS } from './infrastructure/persistence/migrations';
import { SLA_SCHEMA, TypeormClockStore } from './infrastructure/persistence/typeorm-clock.store';
import { TypeormRulesStore } from './infrastructure/persistence/typeorm-rules.store';
import { TypeormSlaQueries } from './infrastructure/persistence/typeorm-sla.queries';
import { TypeormTimerStore } from './infrastructure/persistence/typeorm-timer.store';
import { TimerScheduler } from './infrastructure/scheduling/timer-scheduler';
import { AlertFeed } from './infrastructure/streaming/alert-feed';

export const SLA_TIMER_SCHEMA = 'sla_timer';

/** What tests (and only tests) replace: the time source. */
export interface SlaTimerOverrides {
  clock?: Clock;
}

@Module({})
export class SlaTimerModule {
  static register(env: SlaTimerEnv, overrides: SlaTimerOverrides = {}): DynamicModule {
    return {
      module: SlaTimerModule,
      imports: [ObservabilityModule.forService('sla-timer')],
      controllers: [SlaClocksController, SlaStreamController, SlaPoliciesController, CalendarsController],
      providers: [
        ...databaseProviders({
          service: 'sla-timer',
          url: env.DATABASE_URL,
          schema: SLA_TIMER_SCHEMA,
          entities: [],
          migrations: SLA_TIMER_MIGRATIONS,
        }),
        ...messagingProviders(messagingConfigFor('sla-timer', SLA_TIMER_SCHEMA, env, 'complaint-lifecycle'), [
          StartClocksOnClassifiedHandler,
          RecomputeClocksOnReclassifiedHandler,
          MoveClocksOnLifecycleHandler,
        ]),
        { provide: CLOCK, useValue: overrides.clock ?? systemClock },
        { provide: SLA_SCHEMA, useValue: SLA_TIMER_SCHEMA },
        { provide: CLOCK_STORE, useClass: TypeormClockStore },
        { provide: RULES_STORE, useClass: TypeormRulesStore },
        { provide: TIMER_STORE, useClass: TypeormTimerStore },
        { provide: SLA_QUERIES, useClass: TypeormSlaQueries },
        { provide: TRANSACTION_RUNNER, useClass: DataSourceTransactionRunner },
        { provide: ALERT_PUBLISHER, useClass: OutboxAlertPublisher },
        ClockRulesProvider,
        ComplaintClocksRepository,
        ApplyClassificationService,
        ApplyLifecycleService,
        FireDueTimersService,
        PolicyAdminService,
        CalendarAdminService,
        SlaViewService,
        AlertFeed,
        schedulerProvider(env),
      ],
    };
  }
}

function schedulerProvider(env: SlaTimerEnv): Provider {
  return {
    provide: TimerScheduler,
    inject: [DataSource, FireDueTimersService, TIMER_STORE, CLOCK, JsonLogger, Metrics, HealthRegistry],
    useFactory: (
      dataSource: DataSource,
      fire: FireDueTimersService,
      timers: TimerStore,
      clock: Clock,
      logger: JsonLogger,
      metrics: Metrics,
      health: HealthRegistry,
    ) =>
      new TimerScheduler(
        dataSource,
        fire,
        timers,
        clock,
        {
          autoStart: env.SLA_SCHEDULER_ENABLED !== 'false',
          instanceId: `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`,
          batchSize: env.SLA_SCHEDULER_BATCH_SIZE,
          maxSleepMs: env.SLA_SCHEDULER_MAX_SLEEP_MS,
          contendedRetryMs: env.SLA_SCHEDULER_CONTENDED_RETRY_MS,
          databaseUrl: env.DATABASE_URL,
          schema: SLA_TIMER_SCHEMA,
        },
        logger,
        metrics,
        health,
      ),
  };
}

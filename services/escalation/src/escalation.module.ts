import { DynamicModule, Module } from '@nestjs/common';
import { messagingConfigFor, messagingProviders } from '@complaints/kafka';
import { databaseProviders } from '@complaints/persistence';
import { ObservabilityModule } from '@complaints/observability';
import { AssignmentsController } from './api/http/assignments.controller';
import { EscalationMatrixController } from './api/http/escalation-matrix.controller';
import { EscalationsController } from './api/http/escalations.controller';
import { RiskWarningsController } from './api/http/risk-warnings.controller';
import { AssignOnClassifiedHandler } from './api/messaging/assign-on-classified.handler';
import { EscalateOnSlaHandler } from './api/messaging/escalate-on-sla.handler';
import { FollowLifecycleHandler } from './api/messaging/follow-lifecycle.handler';
import { AcknowledgeEscalationService } from './application/acknowledge-escalation.service';
import { ApplyComplaintFactsService } from './application/apply-complaint-facts.service';
import { CaseWorkflow } from './application/case-workflow.service';
import { FireAcknowledgementTimersService } from './application/fire-acknowledgement-timers.service';
import { ManageMatrixService } from './application/manage-matrix.service';
import { CASE_STORE } from './application/ports/case-store';
import { ESCALATION_QUERIES } from './application/ports/escalation-queries';
import { OUTBOX_SINKS } from './application/ports/event-sink';
import { MATRIX_STORE } from './application/ports/matrix-store';
import { RISK_STORE } from './application/ports/risk-store';
import { TIMER_STORE } from './application/ports/timer-store';
import { UNIT_OF_WORK } from './application/ports/unit-of-work';
import { RecordRiskService } from './application/record-risk.service';
import { EscalationEnv } from './config/escalation.env';
import { Clock, CLOCK, systemClock } from './domain/clock';
import { OutboxEventSinks } from './infrastructure/messaging/outbox-sinks';
import { ESCALATION_MIGRATIONS } from './infrastructure/persistence/migrations';
import { TypeormCaseStore } from './infrastructure/persistence/typeorm-case.store';
import { TypeormEscalationQueries } from './infrastructure/persistence/typeorm-escalation.queries';
import { TypeormMatrixStore } from './infrastructure/persistence/typeorm-matrix.store';
import { TypeormRiskStore } from './infrastructure/persistence/typeorm-risk.store';
import { TypeormTimerStore } from './infrastructure/persistence/typeorm-timer.store';
import { TypeormUnitOfWork } from './infrastructure/persistence/typeorm-unit-of-work';
import {
  AcknowledgementTimerScheduler,
  TIMER_SCHEDULER_OPTIONS,
  TimerSchedulerOptions,
} from './infrastructure/timers/acknowledgement-timer.scheduler';

export const ESCALATION_SCHEMA = 'escalation';

/** What a test may replace: the clock (a FakeClock moves time for the acknowledgement windows). */
export interface EscalationModuleOptions {
  clock?: Clock;
}

@Module({})
export class EscalationModule {
  static register(env: EscalationEnv, options: EscalationModuleOptions = {}): DynamicModule {
    const scheduler: TimerSchedulerOptions = {
      databaseUrl: env.DATABASE_URL,
      maxSleepMs: env.ACKNOWLEDGEMENT_TIMER_MAX_SLEEP_MS,
    };
    return {
      module: EscalationModule,
      imports: [ObservabilityModule.forService('escalation')],
      controllers: [
        AssignmentsController,
        EscalationsController,
        EscalationMatrixController,
        RiskWarningsController,
      ],
      providers: [
        ...databaseProviders({
          service: 'escalation',
          url: env.DATABASE_URL,
          schema: ESCALATION_SCHEMA,
          entities: [],
          migrations: ESCALATION_MIGRATIONS,
        }),
        // One partition at a time: every complaint bumps the same few risk counters (per category, channel and
        // team), so concurrent batches would only queue on those rows, and deadlock against each other's cases.
        ...messagingProviders(
          messagingConfigFor('escalation', ESCALATION_SCHEMA, env, 'routing', {
            partitionsConsumedConcurrently: 1,
          }),
          [AssignOnClassifiedHandler, EscalateOnSlaHandler, FollowLifecycleHandler],
        ),
        { provide: CLOCK, useValue: options.clock ?? systemClock },
        { provide: TIMER_SCHEDULER_OPTIONS, useValue: scheduler },
        { provide: UNIT_OF_WORK, useClass: TypeormUnitOfWork },
        { provide: CASE_STORE, useClass: TypeormCaseStore },
        { provide: MATRIX_STORE, useClass: TypeormMatrixStore },
        { provide: RISK_STORE, useClass: TypeormRiskStore },
        { provide: TIMER_STORE, useClass: TypeormTimerStore },
        { provide: ESCALATION_QUERIES, useClass: TypeormEscalationQueries },
        { provide: OUTBOX_SINKS, useClass: OutboxEventSinks },
        RecordRiskService,
        CaseWorkflow,
        ApplyComplaintFactsService,
        AcknowledgeEscalationService,
        FireAcknowledgementTimersService,
        ManageMatrixService,
        AcknowledgementTimerScheduler,
      ],
    };
  }
}

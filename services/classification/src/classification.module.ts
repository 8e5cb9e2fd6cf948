import { DynamicModule, Module } from '@nestjs/common';
import { messagingConfigFor, messagingProviders } from '@complaints/kafka';
import { databaseProviders } from '@complaints/persistence';
import { ObservabilityModule } from '@complaints/observability';
import { ClassificationsController } from './api/http/classifications.controller';
import { RuleSetsController } from './api/http/rule-sets.controller';
import { ClassifyOnReceivedHandler } from './api/messaging/classify-on-received.handler';
import { ReassessOnReopenedHandler } from './api/messaging/reassess-on-reopened.handler';
import { ClassifyComplaintService } from './application/classify/classify-complaint.service';
import { ReassessOnReopenService } from './application/classify/reassess-on-reopen.service';
import { OverrideClassificationService } from './application/override/override-classification.service';
import { CLASSIFICATION_EVENTS } from './application/ports/classification-events';
import { CLASSIFICATION_STORE } from './application/ports/classification-store';
import { RULE_SET_STORE } from './application/ports/rule-set-store';
import { UNIT_OF_WORK } from './application/ports/unit-of-work';
import { ActiveRuleSet } from './application/rule-sets/active-rule-set';
import { ManageRuleSetsService } from './application/rule-sets/manage-rule-sets.service';
import { ClassificationEnv } from './config/classification.env';
import { Clock, CLOCK, systemClock } from './domain/clock';
import { OutboxClassificationEvents } from './infrastructure/messaging/outbox-classification-events';
import { CLASSIFICATION_MIGRATIONS } from './infrastructure/persistence/migrations';
import { TypeormClassificationStore } from './infrastructure/persistence/typeorm-classification.store';
import { TypeormRuleSetStore } from './infrastructure/persistence/typeorm-rule-set.store';
import { TypeormUnitOfWork } from './infrastructure/persistence/typeorm-unit-of-work';

export const CLASSIFICATION_SCHEMA = 'classification';

/** What tests may replace: time, so classifiedAt and audit times are deterministic. */
export interface ClassificationOverrides {
  clock?: Clock;
}

@Module({})
export class ClassificationModule {
  static register(env: ClassificationEnv, overrides: ClassificationOverrides = {}): DynamicModule {
    return {
      module: ClassificationModule,
      imports: [ObservabilityModule.forService('classification')],
      controllers: [ClassificationsController, RuleSetsController],
      providers: [
        ...databaseProviders({
          service: 'classification',
          url: env.DATABASE_URL,
          schema: CLASSIFICATION_SCHEMA,
          entities: [],
          migrations: CLASSIFICATION_MIGRATIONS,
        }),
        ...messagingProviders(
          messagingConfigFor('classification', CLASSIFICATION_SCHEMA, env, 'complaints'),
          [ClassifyOnReceivedHandler, ReassessOnReopenedHandler],
        ),
        { provide: CLOCK, useValue: overrides.clock ?? systemClock },
        { provide: CLASSIFICATION_STORE, useClass: TypeormClassificationStore },
        { provide: RULE_SET_STORE, useClass: TypeormRuleSetStore },
        { provide: UNIT_OF_WORK, useClass: TypeormUnitOfWork },
        { provide: CLASSIFICATION_EVENTS, useClass: OutboxClassificationEvents },
        ActiveRuleSet,
        ClassifyComplaintService,
        ReassessOnReopenService,
        OverrideClassificationService,
        ManageRuleSetsService,
      ],
    };
  }
}

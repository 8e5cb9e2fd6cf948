import { DynamicModule, Module } from '@nestjs/common';
import { messagingConfigFor, messagingProviders } from '@complaints/kafka';
import { databaseProviders } from '@complaints/persistence';
import { ObservabilityModule } from '@complaints/observability';
import { ClassificationsController } from './api/http/classifications.controller';
import { ClassifyOnReceivedHandler } from './api/messaging/classify-on-received.handler';
import { ClassifyComplaintService } from './application/classify-complaint.service';
import { CLASSIFICATION_STORE } from './application/ports/classification-store';
import { ClassificationEnv } from './config/classification.env';
import { CLOCK, systemClock } from './domain/clock';
import { CLASSIFICATION_MIGRATIONS } from './infrastructure/persistence/migrations';
import { TypeormClassificationStore } from './infrastructure/persistence/typeorm-classification.store';

export const CLASSIFICATION_SCHEMA = 'classification';

@Module({})
export class ClassificationModule {
  static register(env: ClassificationEnv): DynamicModule {
    return {
      module: ClassificationModule,
      imports: [ObservabilityModule.forService('classification')],
      controllers: [ClassificationsController],
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
          [ClassifyOnReceivedHandler],
        ),
        { provide: CLOCK, useValue: systemClock },
        { provide: CLASSIFICATION_STORE, useClass: TypeormClassificationStore },
        ClassifyComplaintService,
      ],
    };
  }
}

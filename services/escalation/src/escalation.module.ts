import { DynamicModule, Module } from '@nestjs/common';
import { messagingConfigFor, messagingProviders } from '@complaints/kafka';
import { databaseProviders } from '@complaints/persistence';
import { ObservabilityModule } from '@complaints/observability';
import { AssignmentsController } from './api/http/assignments.controller';
import { AssignOnClassifiedHandler } from './api/messaging/assign-on-classified.handler';
import { AssignComplaintService } from './application/assign-complaint.service';
import { ASSIGNMENT_STORE } from './application/ports/assignment-store';
import { EscalationEnv } from './config/escalation.env';
import { CLOCK, systemClock } from './domain/clock';
import { ESCALATION_MIGRATIONS } from './infrastructure/persistence/migrations';
import { TypeormAssignmentStore } from './infrastructure/persistence/typeorm-assignment.store';

export const ESCALATION_SCHEMA = 'escalation';

@Module({})
export class EscalationModule {
  static register(env: EscalationEnv): DynamicModule {
    return {
      module: EscalationModule,
      imports: [ObservabilityModule.forService('escalation')],
      controllers: [AssignmentsController],
      providers: [
        ...databaseProviders({
          service: 'escalation',
          url: env.DATABASE_URL,
          schema: ESCALATION_SCHEMA,
          entities: [],
          migrations: ESCALATION_MIGRATIONS,
        }),
        ...messagingProviders(messagingConfigFor('escalation', ESCALATION_SCHEMA, env, 'routing'), [
          AssignOnClassifiedHandler,
        ]),
        { provide: CLOCK, useValue: systemClock },
        { provide: ASSIGNMENT_STORE, useClass: TypeormAssignmentStore },
        AssignComplaintService,
      ],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { messagingConfigFor, messagingProviders } from '@complaints/kafka';
import { databaseProviders } from '@complaints/persistence';
import { ObservabilityModule } from '@complaints/observability';
import { ComplaintLifecycleController } from './api/http/complaint-lifecycle.controller';
import { ComplaintQueriesController } from './api/http/complaint-queries.controller';
import { ComplaintsController } from './api/http/complaints.controller';
import { ProjectClassificationHandler } from './api/messaging/project-classification.handler';
import { ProjectRoutingHandler } from './api/messaging/project-routing.handler';
import { COMPLAINT_QUERIES } from './application/ports/complaint-queries';
import { LIFECYCLE_STORE } from './application/ports/lifecycle-store';
import { PROJECTION_STORE } from './application/ports/projection-store';
import { TransitionComplaintService } from './application/transition-complaint/transition-complaint.service';
import {
  RegisterComplaintService,
  REFERENCE_TIME_ZONE,
} from './application/register-complaint/register-complaint.service';
import { CONTACT_SEALER, CUSTOMER_HASHER, PII_CIPHER } from './application/ports/pii-protection';
import { REFERENCE_NUMBERS, REGISTRATION_STORE } from './application/ports/registration-store';
import { IntakeEnv } from './config/intake.env';
import { Clock, CLOCK, systemClock } from './domain/clock';
import { AesGcmKeyring } from '@complaints/data-protection';
import {
  HmacCustomerHasher,
  KeyringContactSealer,
  KeyringPiiCipher,
} from './infrastructure/crypto/pii-protection.adapters';
import { INTAKE_MIGRATIONS } from './infrastructure/persistence/migrations';
import { TypeormComplaintQueries } from './infrastructure/persistence/typeorm-complaint.queries';
import { TypeormLifecycleStore } from './infrastructure/persistence/typeorm-lifecycle.store';
import { TypeormProjectionStore } from './infrastructure/persistence/typeorm-projection.store';
import { SequenceReferenceNumbers } from './infrastructure/persistence/sequence-reference-numbers';
import { TypeormRegistrationStore } from './infrastructure/persistence/typeorm-registration.store';

export const INTAKE_SCHEMA = 'intake';

@Module({})
export class IntakeModule {
  static register(env: IntakeEnv, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: IntakeModule,
      imports: [ObservabilityModule.forService('intake')],
      controllers: [ComplaintsController, ComplaintQueriesController, ComplaintLifecycleController],
      providers: [
        ...databaseProviders({
          service: 'intake',
          url: env.DATABASE_URL,
          schema: INTAKE_SCHEMA,
          entities: [],
          migrations: INTAKE_MIGRATIONS,
        }),
        ...messagingProviders(messagingConfigFor('intake', INTAKE_SCHEMA, env, 'projections'), [
          ProjectClassificationHandler,
          ProjectRoutingHandler,
        ]),
        { provide: CLOCK, useValue: overrides.clock ?? systemClock },
        { provide: REFERENCE_TIME_ZONE, useValue: env.REFERENCE_TIME_ZONE },
        {
          provide: PII_CIPHER,
          useValue: new KeyringPiiCipher(new AesGcmKeyring(env.PII_KEYS, env.PII_ACTIVE_KEY)),
        },
        {
          provide: CONTACT_SEALER,
          useValue: new KeyringContactSealer(new AesGcmKeyring(env.CONTACT_KEYS, env.CONTACT_ACTIVE_KEY)),
        },
        {
          provide: CUSTOMER_HASHER,
          useValue: new HmacCustomerHasher(Buffer.from(env.CUSTOMER_HASH_KEY, 'base64')),
        },
        { provide: REGISTRATION_STORE, useClass: TypeormRegistrationStore },
        { provide: REFERENCE_NUMBERS, useClass: SequenceReferenceNumbers },
        { provide: LIFECYCLE_STORE, useClass: TypeormLifecycleStore },
        { provide: COMPLAINT_QUERIES, useClass: TypeormComplaintQueries },
        { provide: PROJECTION_STORE, useClass: TypeormProjectionStore },
        RegisterComplaintService,
        TransitionComplaintService,
      ],
    };
  }
}

import { DynamicModule, Module } from '@nestjs/common';
import { messagingConfigFor, messagingProviders } from '@complaints/kafka';
import { databaseProviders } from '@complaints/persistence';
import { ObservabilityModule } from '@complaints/observability';
import { ComplaintsController } from './api/http/complaints.controller';
import {
  RegisterComplaintService,
  REFERENCE_TIME_ZONE,
} from './application/register-complaint/register-complaint.service';
import { CONTACT_SEALER, CUSTOMER_HASHER, PII_CIPHER } from './application/ports/pii-protection';
import { REGISTRATION_STORE } from './application/ports/registration-store';
import { IntakeEnv } from './config/intake.env';
import { CLOCK, systemClock } from './domain/clock';
import { AesGcmKeyring } from '@complaints/data-protection';
import {
  HmacCustomerHasher,
  KeyringContactSealer,
  KeyringPiiCipher,
} from './infrastructure/crypto/pii-protection.adapters';
import { INTAKE_MIGRATIONS } from './infrastructure/persistence/migrations';
import { TypeormRegistrationStore } from './infrastructure/persistence/typeorm-registration.store';

export const INTAKE_SCHEMA = 'intake';

@Module({})
export class IntakeModule {
  static register(env: IntakeEnv): DynamicModule {
    return {
      module: IntakeModule,
      imports: [ObservabilityModule.forService('intake')],
      controllers: [ComplaintsController],
      providers: [
        ...databaseProviders({
          service: 'intake',
          url: env.DATABASE_URL,
          schema: INTAKE_SCHEMA,
          entities: [],
          migrations: INTAKE_MIGRATIONS,
        }),
        // intake has no consumers yet; the projections of classified/assigned arrive with issue #3.
        ...messagingProviders(messagingConfigFor('intake', INTAKE_SCHEMA, env), []),
        { provide: CLOCK, useValue: systemClock },
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
        RegisterComplaintService,
      ],
    };
  }
}

import 'reflect-metadata';
import { clockFromEnv, readEnv } from '@complaints/config';
import { runService } from '@complaints/http-api';
import { IntakeEnv } from './config/intake.env';
import { IntakeModule } from './intake.module';

runService(
  'intake',
  () => readEnv(IntakeEnv),
  // The system clock; end-to-end tests shift it through TEST_CLOCK_FILE instead of sleeping.
  (env) => IntakeModule.register(env, { clock: clockFromEnv() }),
  {
    title: 'Intake',
    description: 'Channels file complaints here; intake records them and owns their lifecycle.',
  },
);

import 'reflect-metadata';
import { clockFromEnv, readEnv } from '@complaints/config';
import { runService } from '@complaints/http-api';
import { EscalationEnv } from './config/escalation.env';
import { EscalationModule } from './escalation.module';

runService(
  'escalation',
  () => readEnv(EscalationEnv),
  // The system clock; end-to-end tests shift it through TEST_CLOCK_FILE instead of sleeping.
  (env) => EscalationModule.register(env, { clock: clockFromEnv() }),
  {
    title: 'Escalation',
    description: 'Owning teams and levels for complaints, escalations and risk warnings.',
  },
);

import 'reflect-metadata';
import { readEnv } from '@complaints/config';
import { runService } from '@complaints/http-api';
import { EscalationEnv } from './config/escalation.env';
import { EscalationModule } from './escalation.module';

runService(
  'escalation',
  () => readEnv(EscalationEnv),
  (env) => EscalationModule.register(env),
  {
    title: 'Escalation',
    description: 'Owning teams and levels for complaints, escalations and risk warnings.',
  },
);

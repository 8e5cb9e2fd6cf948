import 'reflect-metadata';
import { readEnv } from '@complaints/config';
import { runService } from '@complaints/http-api';
import { SlaTimerEnv } from './config/sla-timer.env';
import { SlaTimerModule } from './sla-timer.module';

runService(
  'sla-timer',
  () => readEnv(SlaTimerEnv),
  (env) => SlaTimerModule.register(env),
  {
    title: 'SLA timer',
    description: 'Clocks per complaint and kind: when each is due, warned, breached or met.',
  },
);

import 'reflect-metadata';
import { clockFromEnv, readEnv } from '@complaints/config';
import { runService } from '@complaints/http-api';
import { SlaTimerEnv } from './config/sla-timer.env';
import { SlaTimerModule } from './sla-timer.module';

runService(
  'sla-timer',
  () => readEnv(SlaTimerEnv),
  // The system clock; end-to-end tests shift it through TEST_CLOCK_FILE instead of sleeping. A shifted clock is
  // seen by the scheduler at its next wake-up, so such tests also set a short SLA_SCHEDULER_MAX_SLEEP_MS.
  (env) => SlaTimerModule.register(env, { clock: clockFromEnv() }),
  {
    title: 'SLA timer',
    description: 'Clocks per complaint and kind: when each is due, warned, breached or met.',
  },
);

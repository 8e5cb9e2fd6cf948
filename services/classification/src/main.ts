import 'reflect-metadata';
import { clockFromEnv, readEnv } from '@complaints/config';
import { runService } from '@complaints/http-api';
import { ClassificationModule } from './classification.module';
import { ClassificationEnv } from './config/classification.env';

runService(
  'classification',
  () => readEnv(ClassificationEnv),
  // The system clock; end-to-end tests shift it through TEST_CLOCK_FILE instead of sleeping.
  (env) => ClassificationModule.register(env, { clock: clockFromEnv() }),
  {
    title: 'Classification',
    description: 'Assesses every complaint: category, urgency, risk and priority, with the rules that fired.',
  },
);

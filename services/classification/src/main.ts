import 'reflect-metadata';
import { readEnv } from '@complaints/config';
import { runService } from '@complaints/http-api';
import { ClassificationModule } from './classification.module';
import { ClassificationEnv } from './config/classification.env';

runService(
  'classification',
  () => readEnv(ClassificationEnv),
  (env) => ClassificationModule.register(env),
  {
    title: 'Classification',
    description: 'Assesses every complaint: category, urgency, risk and priority, with the rules that fired.',
  },
);

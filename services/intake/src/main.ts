import 'reflect-metadata';
import { readEnv } from '@complaints/config';
import { runService } from '@complaints/http-api';
import { IntakeEnv } from './config/intake.env';
import { IntakeModule } from './intake.module';

runService(
  'intake',
  () => readEnv(IntakeEnv),
  (env) => IntakeModule.register(env),
  {
    title: 'Intake',
    description: 'Channels file complaints here; intake records them and owns their lifecycle.',
  },
);

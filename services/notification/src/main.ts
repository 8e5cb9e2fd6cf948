import 'reflect-metadata';
import { clockFromEnv, readEnv } from '@complaints/config';
import { runService } from '@complaints/http-api';
import { NotificationEnv } from './config/notification.env';
import { NotificationModule } from './notification.module';

runService(
  'notification',
  () => readEnv(NotificationEnv),
  // The system clock; end-to-end tests shift it through TEST_CLOCK_FILE instead of sleeping.
  (env) => NotificationModule.register(env, { clock: clockFromEnv() }),
  {
    title: 'Notification',
    description: 'Messages to customers and staff, each sent once, and the log of every attempt.',
  },
);

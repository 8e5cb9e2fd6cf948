import 'reflect-metadata';
import { readEnv } from '@complaints/config';
import { runService } from '@complaints/http-api';
import { NotificationEnv } from './config/notification.env';
import { NotificationModule } from './notification.module';

runService(
  'notification',
  () => readEnv(NotificationEnv),
  (env) => NotificationModule.register(env),
  {
    title: 'Notification',
    description: 'Messages to customers and staff, each sent once, and the log of every attempt.',
  },
);

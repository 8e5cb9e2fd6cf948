import { DataSource } from 'typeorm';
import { OutboxWriter } from '@complaints/kafka';
import { JsonLogger, Metrics } from '@complaints/observability';
import { FireDueTimersService } from '../src/application/fire-due-timers.service';
import { OutboxAlertPublisher } from '../src/infrastructure/messaging/outbox-alert-publisher';
import { TypeormTimerStore } from '../src/infrastructure/persistence/typeorm-timer.store';
import { TimerScheduler } from '../src/infrastructure/scheduling/timer-scheduler';
import { Clock } from '../src/domain/clock';
import { SCHEMA } from './bench-database';

export interface Replica {
  scheduler: TimerScheduler;
  dataSource: DataSource;
}

/** A scheduler replica exactly as the service builds it (claim, outbox, NOTIFY), on its own connections. */
export function schedulerReplica(
  name: string,
  dataSource: DataSource,
  databaseUrl: string,
  clock: Clock,
  batchSize: number,
): Replica {
  const timers = new TypeormTimerStore(dataSource);
  const publisher = new OutboxAlertPublisher(new OutboxWriter(SCHEMA), SCHEMA);
  const scheduler = new TimerScheduler(
    dataSource,
    new FireDueTimersService(timers, publisher, clock),
    timers,
    clock,
    {
      autoStart: true,
      instanceId: name,
      batchSize,
      maxSleepMs: 60_000,
      contendedRetryMs: 50,
      databaseUrl,
      schema: SCHEMA,
    },
    new JsonLogger(name, 'error'),
    new Metrics(),
  );
  return { scheduler, dataSource };
}

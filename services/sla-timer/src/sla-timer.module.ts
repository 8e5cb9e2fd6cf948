import { DynamicModule, Module } from '@nestjs/common';
import { messagingConfigFor, messagingProviders } from '@complaints/kafka';
import { databaseProviders } from '@complaints/persistence';
import { ObservabilityModule } from '@complaints/observability';
import { SlaController } from './api/http/sla.controller';
import { StartClocksOnClassifiedHandler } from './api/messaging/start-clocks-on-classified.handler';
import { CLOCK_STORE } from './application/ports/clock-store';
import { StartClocksService } from './application/start-clocks.service';
import { SlaTimerEnv } from './config/sla-timer.env';
import { CLOCK, systemClock } from './domain/clock';
import { SLA_TIMER_MIGRATIONS } from './infrastructure/persistence/migrations';
import { TypeormClockStore } from './infrastructure/persistence/typeorm-clock.store';

export const SLA_TIMER_SCHEMA = 'sla_timer';

@Module({})
export class SlaTimerModule {
  static register(env: SlaTimerEnv): DynamicModule {
    return {
      module: SlaTimerModule,
      imports: [ObservabilityModule.forService('sla-timer')],
      controllers: [SlaController],
      providers: [
        ...databaseProviders({
          service: 'sla-timer',
          url: env.DATABASE_URL,
          schema: SLA_TIMER_SCHEMA,
          entities: [],
          migrations: SLA_TIMER_MIGRATIONS,
        }),
        ...messagingProviders(messagingConfigFor('sla-timer', SLA_TIMER_SCHEMA, env, 'complaint-lifecycle'), [
          StartClocksOnClassifiedHandler,
        ]),
        { provide: CLOCK, useValue: systemClock },
        { provide: CLOCK_STORE, useClass: TypeormClockStore },
        StartClocksService,
      ],
    };
  }
}

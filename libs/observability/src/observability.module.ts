import { DynamicModule, Global, Module } from '@nestjs/common';
import { HealthController } from './health/health.controller';
import { HealthRegistry } from './health/health-registry';
import { JsonLogger } from './logging/json-logger';
import { Metrics } from './metrics/metrics';
import { MetricsController } from './metrics/metrics.controller';

/** /health/live, /health/ready and /metrics for every service, and its JSON logger; all global singletons. */
@Global()
@Module({})
export class ObservabilityModule {
  static forService(service: string): DynamicModule {
    return {
      module: ObservabilityModule,
      controllers: [HealthController, MetricsController],
      providers: [HealthRegistry, Metrics, { provide: JsonLogger, useValue: new JsonLogger(service) }],
      exports: [HealthRegistry, Metrics, JsonLogger],
    };
  }
}

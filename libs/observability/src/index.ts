export * from './logging/redact';
export * from './logging/log-context';
export * from './logging/json-logger';
export * from './health/health-registry';
export * from './metrics/metrics';
export * from './observability.module';

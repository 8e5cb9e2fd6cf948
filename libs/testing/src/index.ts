export * from './eventually';
export * from './fake-clock';
export * from './test-infra';
export * from './test-database';
export * from './topic-probe';
export * from './service-under-test';
export * from './deliver';
export * from './service-harness';

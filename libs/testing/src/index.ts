export * from './eventually';
export * from './fake-clock';
export * from './test-infra';
export * from './test-database';
export { TopicProbe, ObservedRecord } from '@complaints/kafka';
export * from './service-under-test';

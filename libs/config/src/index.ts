export * from './read-env';
export * from './service-env';

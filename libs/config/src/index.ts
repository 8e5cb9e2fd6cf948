export * from './read-env';
export * from './service-env';
export * from './clock-from-env';
